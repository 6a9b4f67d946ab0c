<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name />
        <message>
            <location filename="../../app/ui/conversation_view.py" line="80" />
            <location filename="../../app/ui/review/detail.py" line="121" />
            <source>{who} message</source>
            <translation>{who}的消息</translation>
        </message>
        <message>
            <location filename="../../app/ui/conversation_view.py" line="102" />
            <location filename="../../app/ui/review/detail.py" line="49" />
            <source>You</source>
            <translation>你</translation>
        </message>
        <message>
            <location filename="../../app/ui/conversation_view.py" line="106" />
            <location filename="../../app/ui/review/detail.py" line="52" />
            <source>Your words</source>
            <translation>你说的话</translation>
        </message>
        <message>
            <location filename="../../app/ui/conversation_view.py" line="107" />
            <source>Play my recording</source>
            <translation>播放我的录音</translation>
        </message>
        <message>
            <location filename="../../app/ui/conversation_view.py" line="114" />
            <source>Correction</source>
            <translation>修改</translation>
        </message>
        <message>
            <location filename="../../app/ui/conversation_view.py" line="115" />
            <source>Why? Show the reason</source>
            <translation>为什么？显示原因</translation>
        </message>
        <message>
            <location filename="../../app/ui/conversation_view.py" line="115" />
            <source>Why?</source>
            <translation>为什么？</translation>
        </message>
        <message>
            <location filename="../../app/ui/conversation_view.py" line="119" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../app/ui/conversation_view.py" line="148" />
            <location filename="../../app/ui/conversation_view.py" line="226" />
            <location filename="../../app/ui/review/detail.py" line="85" />
            <location filename="../../app/ui/review/history.py" line="33" />
            <location filename="../../app/ui/theme/widgets.py" line="112" />
            <source>Tutor</source>
            <translation>老师</translation>
        </message>
        <message>
            <location filename="../../app/ui/conversation_view.py" line="150" />
            <location filename="../../app/ui/review/detail.py" line="88" />
            <source>Tutor's words</source>
            <translation>老师说的话</translation>
        </message>
        <message>
            <location filename="../../app/ui/conversation_view.py" line="154" />
            <source>Play the tutor again</source>
            <translation>再听一遍老师的话</translation>
        </message>
        <message>
            <location filename="../../app/ui/conversation_view.py" line="155" />
            <source>Play the tutor slowly</source>
            <translation>慢速播放老师的话</translation>
        </message>
        <message>
            <location filename="../../app/ui/conversation_view.py" line="155" />
            <location filename="../../app/ui/review/fluent_panel.py" line="62" />
            <source>Slow</source>
            <translation>慢速</translation>
        </message>
        <message>
            <location filename="../../app/ui/conversation_view.py" line="199" />
            <source>Conversation</source>
            <translation>对话</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="40" />
            <source>I can talk about everyday things, slowly and simply.</source>
            <translation>我能慢慢地、简单地谈论日常话题。</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="41" />
            <source>I can keep a conversation going on familiar topics.</source>
            <translation>我能就熟悉的话题持续交谈。</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="42" />
            <source>I can talk easily about most topics, with some mistakes.</source>
            <translation>我能轻松谈论大多数话题，偶尔出错。</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="43" />
            <source>I speak fluently and want to sound natural.</source>
            <translation>我说得很流利，想说得更地道。</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="48" />
            <source>{mb:.0f} MB</source>
            <translation>{mb:.0f} MB</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="48" />
            <source>size unknown</source>
            <translation>大小未知</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="49" />
            <source>{speed:.0f} tokens/s here</source>
            <translation>本机每秒 {speed:.0f} 个词元</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="50" />
            <source>speed not measured</source>
            <translation>速度未测量</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="51" />
            <source>(not installed)</source>
            <translation>（未安装）</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="80" />
            <source>Test my microphone</source>
            <translation>测试我的麦克风</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="81" />
            <source>Record a few seconds, then hear them played back</source>
            <translation>录几秒钟，然后听回放</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="83" />
            <source>Press the button and say: “Hello, my name is …”</source>
            <translation>按下按钮并说：“Hello, my name is …”</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="85" />
            <source>Play it again</source>
            <translation>再播放一遍</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="87" />
            <source>Play my recording again</source>
            <translation>再次播放我的录音</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="92" />
            <source>Can the tutor hear you?</source>
            <translation>老师能听到你吗？</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="93" />
            <source>Parley listens to you speak. Record a few seconds to check your microphone; you will hear them played back.</source>
            <translation>Parley 会听你说话。录几秒钟来检查麦克风，录音会回放给你听。</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="106" />
            <source>Listening… say a sentence</source>
            <translation>正在听……请说一句话</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="119" />
            <source>We heard you. Listen to the playback: is it clear?</source>
            <translation>我们听到你了。听听回放：清楚吗？</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="121" />
            <source>We heard almost nothing. Check the microphone in your system's sound settings, or in Parley's Settings.</source>
            <translation>几乎什么都没听到。请在系统声音设置或 Parley 的设置中检查麦克风。</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="130" />
            <source>The microphone did not work: {problem}</source>
            <translation>麦克风无法使用：{problem}</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="155" />
            <source>How well do you speak English?</source>
            <translation>你的英语口语水平如何？</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="156" />
            <source>The tutor matches its words and speed to your level. You can change it for any session.</source>
            <translation>老师会根据你的水平调整用词和语速。每次练习都可以更改。</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="160" />
            <source>Level {level}</source>
            <translation>水平 {level}</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="190" />
            <source>A daily goal</source>
            <translation>每日目标</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="191" />
            <source>A little every day works best. Home shows how far you are today; you can change the goal there.</source>
            <translation>每天练一点效果最好。主页会显示你今天的进度，也可以在那里修改目标。</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="195" />
            <source>{n} min</source>
            <translation>{n} 分钟</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="197" />
            <source>{n} minutes a day</source>
            <translation>每天 {n} 分钟</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="224" />
            <source>Tutor models</source>
            <translation>老师模型</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="227" />
            <source>Measure its speed</source>
            <translation>测量速度</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="228" />
            <source>Measure the chosen model's speed on this machine</source>
            <translation>在这台电脑上测量所选模型的速度</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="232" />
            <source>Your tutor's brain</source>
            <translation>老师的“大脑”</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="233" />
            <source>A larger model answers better but slower. The speed is measured on this computer: about 15 tokens a second feels like a conversation.</source>
            <translation>模型越大，回答越好但越慢。速度是在这台电脑上测量的：每秒约 15 个词元就像正常对话。</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="283" />
            <source>Measuring… (loads the model once)</source>
            <translation>正在测量……（会加载一次模型）</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="293" />
            <source>{speed:.0f} tokens a second here</source>
            <translation>本机每秒 {speed:.0f} 个词元</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="314" />
            <source>Welcome to Parley</source>
            <translation>欢迎使用 Parley</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="335" />
            <source>Skip setup</source>
            <translation>跳过设置</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="336" />
            <source>Skip the setup and start</source>
            <translation>跳过设置并开始</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="337" />
            <source>Back</source>
            <translation>上一步</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="338" />
            <source>Previous step</source>
            <translation>上一步</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="339" />
            <location filename="../../app/ui/first_start.py" line="365" />
            <source>Next</source>
            <translation>下一步</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="341" />
            <location filename="../../app/ui/first_start.py" line="366" />
            <source>Next step</source>
            <translation>下一步</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="362" />
            <source>Step {n} of {total}</source>
            <translation>第 {n} 步，共 {total} 步</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="365" />
            <source>Start talking</source>
            <translation>开始说话</translation>
        </message>
        <message>
            <location filename="../../app/ui/first_start.py" line="366" />
            <source>Finish and start talking</source>
            <translation>完成并开始说话</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="45" />
            <source>Practise saying: “{words}”</source>
            <translation>练习说：“{words}”</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="47" />
            <source>Tell the tutor more: {words}.</source>
            <translation>跟老师多聊聊：{words}。</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="70" />
            <source>Streak</source>
            <translation>连续天数</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="71" />
            <location filename="../../app/ui/review/drills.py" line="42" />
            <source>Drills due</source>
            <translation>待复习练习</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="72" />
            <source>Practise drills</source>
            <translation>做练习</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="73" />
            <source>Practise the drills due</source>
            <translation>做待复习的练习</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="75" />
            <source>One thing to work on</source>
            <translation>需要改进的一点</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="76" />
            <location filename="../../app/ui/home_panel.py" line="78" />
            <location filename="../../app/ui/review/today.py" line="39" />
            <location filename="../../app/ui/review/today.py" line="80" />
            <source>Continue where we left off</source>
            <translation>从上次停下的地方继续</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="80" />
            <source>Suggested topic</source>
            <translation>推荐话题</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="82" />
            <location filename="../../app/ui/home_panel.py" line="199" />
            <source>Talk about it</source>
            <translation>聊聊这个</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="83" />
            <source>Start the suggested topic</source>
            <translation>开始推荐的话题</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="89" />
            <source>Goal and reminder</source>
            <translation>目标和提醒</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="90" />
            <source>Change the daily goal and reminder</source>
            <translation>修改每日目标和提醒</translation>
        </message>
        <message>
            <location filename="../../app/ui/goal_controls.py" line="22" />
            <source> minutes a day</source>
            <translation> 分钟/天</translation>
        </message>
        <message>
            <location filename="../../app/ui/goal_controls.py" line="23" />
            <source>Daily goal</source>
            <translation>每日目标</translation>
        </message>
        <message>
            <location filename="../../app/ui/goal_controls.py" line="27" />
            <source>Remind me each day at</source>
            <translation>每天提醒我，时间</translation>
        </message>
        <message>
            <location filename="../../app/ui/goal_controls.py" line="28" />
            <source>Daily reminder</source>
            <translation>每日提醒</translation>
        </message>
        <message>
            <location filename="../../app/ui/goal_controls.py" line="30" />
            <source>A notification at this time, only on days you have not practised yet</source>
            <translation>在这个时间通知你，仅限当天还没练习时</translation>
        </message>
        <message>
            <location filename="../../app/ui/goal_controls.py" line="33" />
            <location filename="../../app/ui/goal_controls.py" line="34" />
            <source>Reminder time</source>
            <translation>提醒时间</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="172" />
            <source>Spoken today: {minutes} of {goal} minutes, in {turns} turns</source>
            <translation>今天已说 {minutes} / {goal} 分钟，共 {turns} 轮</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="177" />
            <source>{n}-day streak</source>
            <translation>连续 {n} 天</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="178" />
            <source>Talk today to start a streak</source>
            <translation>今天说几句，开始连续记录</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="180" />
            <source>No drills due</source>
            <translation>没有待复习的练习</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="180" />
            <source>1 drill due</source>
            <translation>1 个练习待复习</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="181" />
            <source>{n} drills due</source>
            <translation>{n} 个练习待复习</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="184" />
            <source>&lt;b&gt;One thing to work on:&lt;/b&gt; {kind} ({said} → {better})</source>
            <translation>&lt;b&gt;需要改进的一点：&lt;/b&gt;{kind}（{said} → {better}）</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="189" />
            <source>Nothing to fix from last time. Keep talking!</source>
            <translation>上次没有需要改正的地方，继续加油！</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="193" />
            <source>Continue: {scenario}</source>
            <translation>继续：{scenario}</translation>
        </message>
        <message>
            <location filename="../../app/ui/home_panel.py" line="199" />
            <source>Practise it</source>
            <translation>练习一下</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="97" />
            <location filename="../../app/ui/review/window.py" line="53" />
            <source>Session</source>
            <translation>练习</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="102" />
            <source>Or type what you want to say, then press Enter</source>
            <translation>或者输入你想说的话，然后按回车</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="103" />
            <source>Message</source>
            <translation>消息</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="104" />
            <source>Send</source>
            <translation>发送</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="107" />
            <source>Send message</source>
            <translation>发送消息</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="112" />
            <location filename="../../app/ui/main_window.py" line="177" />
            <source>&amp;New session…</source>
            <translation>新练习(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="114" />
            <location filename="../../app/ui/session_dialog.py" line="36" />
            <source>New session</source>
            <translation>新练习</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="115" />
            <source>Choose a scenario, your level and how corrections are shown (Ctrl+N)</source>
            <translation>选择场景、你的水平和纠错方式（Ctrl+N）</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="140" />
            <source>Loading models…</source>
            <translation>正在加载模型……</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="141" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="143" />
            <source>Model loading progress</source>
            <translation>模型加载进度</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="149" />
            <source>Server notice</source>
            <translation>服务器通知</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="176" />
            <source>&amp;Session</source>
            <translation>练习(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="178" />
            <source>&amp;End session</source>
            <translation>结束练习(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="179" />
            <source>&amp;Review…</source>
            <translation>回顾(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="180" />
            <source>&amp;Getting started…</source>
            <translation>入门设置(&amp;G)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="182" />
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="183" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="184" />
            <source>&amp;Talk</source>
            <translation>说话(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="185" />
            <location filename="../../app/ui/talk_bar.py" line="47" />
            <source>&amp;Hands-free</source>
            <translation>免按键(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="187" />
            <location filename="../../app/ui/talk_bar.py" line="49" />
            <source>&amp;Mute voice</source>
            <translation>静音(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="188" />
            <source>&amp;Stop the tutor</source>
            <translation>让老师停下(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="245" />
            <source>Ready. Hold Space to talk, or type below.</source>
            <translation>准备好了。按住空格键说话，或在下方输入。</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="259" />
            <source>Loading the {stage} model…</source>
            <translation>正在加载{stage}模型……</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="260" />
            <location filename="../../app/ui/talk_bar.py" line="22" />
            <source>Ready</source>
            <translation>准备好了</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="264" />
            <source>Models not loaded: </source>
            <translation>模型未加载：</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="265" />
            <source>The models could not be loaded</source>
            <translation>无法加载模型</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="274" />
            <source>No microphone: you can still type</source>
            <translation>没有麦克风：你仍然可以打字</translation>
        </message>
        <message>
            <location filename="../../app/ui/main_window.py" line="303" />
            <source>Stopped. Go ahead!</source>
            <translation>已停下。请说吧！</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/detail.py" line="31" />
            <source>Better:</source>
            <translation>更好的说法：</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/detail.py" line="53" />
            <source>Replay my recording</source>
            <translation>重放我的录音</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/detail.py" line="59" />
            <location filename="../../app/ui/review/history.py" line="29" />
            <source>Corrections</source>
            <translation>修改</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/detail.py" line="63" />
            <source>Fluency: {wpm} words/min, {pauses} pauses over 1 s, {fillers} fillers</source>
            <translation>流利度：每分钟 {wpm} 词，{pauses} 次超过 1 秒的停顿，{fillers} 个填充词</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/detail.py" line="72" />
            <source>Unclear words:</source>
            <translation>不清楚的词：</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/detail.py" line="78" />
            <source>not in the CMU dictionary</source>
            <translation>不在 CMU 词典中</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/detail.py" line="79" />
            <source>Say “{word}”</source>
            <translation>读出“{word}”</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/detail.py" line="89" />
            <source>Replay the tutor</source>
            <translation>重放老师的话</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/detail.py" line="109" />
            <location filename="../../app/ui/review/fluent_panel.py" line="60" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/detail.py" line="147" />
            <source>Open a session from the history.</source>
            <translation>从历史记录中打开一次练习。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/detail.py" line="149" />
            <source>Pronunciation</source>
            <translation>发音</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/detail.py" line="181" />
            <location filename="../../app/ui/review/fluent_panel.py" line="128" />
            <source>This session no longer exists.</source>
            <translation>这次练习已不存在。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/detail.py" line="185" />
            <source>{when}, {n} turns</source>
            <translation>{when}，{n} 轮</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/detail.py" line="216" />
            <source>Saying “{word}”…</source>
            <translation>正在读“{word}”…</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/drills.py" line="43" />
            <source>No drills due.</source>
            <translation>没有待复习的练习。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/drills.py" line="44" />
            <source>Sentence to say</source>
            <translation>要说的句子</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/drills.py" line="46" />
            <source>Practice again (speak now)</source>
            <translation>再练一次（现在说）</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/drills.py" line="47" />
            <source>Hear it</source>
            <translation>听一听</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/drills.py" line="55" />
            <source>Due now:</source>
            <translation>现在待复习：</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/drills.py" line="81" />
            <location filename="../../app/ui/review/drills.py" line="96" />
            <location filename="../../app/ui/review/learned_box.py" line="23" />
            <source>You said: {words}</source>
            <translation>你说的：{words}</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/drills.py" line="92" />
            <source>No drills due. Well done!</source>
            <translation>没有待复习的练习。做得好！</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/drills.py" line="93" />
            <source>Pick a drill.</source>
            <translation>选一个练习。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/drills.py" line="95" />
            <source>Say:</source>
            <translation>请说：</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/drills.py" line="113" />
            <source>Listening... say the sentence.</source>
            <translation>正在听……请说这句话。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/drills.py" line="131" />
            <source>Heard: {words}</source>
            <translation>听到的：{words}</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/drills.py" line="133" />
            <source>Next practice: {when}</source>
            <translation>下次练习：{when}</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/drills.py" line="138" />
            <source>Could not practise:</source>
            <translation>无法练习：</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="29" />
            <location filename="../../app/ui/review/history.py" line="33" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="29" />
            <location filename="../../app/ui/review/history.py" line="33" />
            <location filename="../../app/ui/session_dialog.py" line="42" />
            <source>Scenario</source>
            <translation>场景</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="29" />
            <location filename="../../app/ui/session_dialog.py" line="48" />
            <source>Level</source>
            <translation>水平</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="29" />
            <source>Duration</source>
            <translation>时长</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="29" />
            <source>Turns</source>
            <translation>轮数</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="33" />
            <source>Turn</source>
            <translation>轮</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="33" />
            <source>You said</source>
            <translation>你说的</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="54" />
            <source>Search what you said and what the tutor replied</source>
            <translation>搜索你说的话和老师的回答</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="55" />
            <source>Search sessions</source>
            <translation>搜索练习</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="57" />
            <source>Scenario filter</source>
            <translation>场景筛选</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="59" />
            <source>Between</source>
            <translation>日期范围</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="60" />
            <source>Only sessions between two dates</source>
            <translation>只显示两个日期之间的练习</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="65" />
            <source>Sessions</source>
            <translation>练习记录</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="73" />
            <source>From date</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="74" />
            <source>To date</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="75" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="77" />
            <location filename="../../app/ui/review/history.py" line="186" />
            <source>Delete session</source>
            <translation>删除练习</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="78" />
            <source>Export session...</source>
            <translation>导出练习…</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="82" />
            <source>and</source>
            <translation>至</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/history.py" line="187" />
            <source>Delete this session and its recordings for good?</source>
            <translation>永久删除这次练习及其录音吗？</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/learned_box.py" line="17" />
            <source>What Parley learned about you in this session</source>
            <translation>Parley 在这次练习中了解到的关于你的事</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/learned_box.py" line="25" />
            <source>Not right: forget</source>
            <translation>不对：忘掉</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/learned_box.py" line="26" />
            <source>Forget: {fact}</source>
            <translation>忘记：{fact}</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="28" />
            <source>Remember what I tell Parley and ask me about it</source>
            <translation>记住我告诉 Parley 的事，并就此提问</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="31" />
            <source>Everything Parley remembers is here and only on this computer. Forget a fact and it is gone for good.</source>
            <translation>Parley 记住的一切都在这里，并且只保存在这台电脑上。忘掉一条就永久删除。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="35" />
            <location filename="../../app/ui/review/memory_page.py" line="36" />
            <source>What Parley remembers</source>
            <translation>Parley 记住的事</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="36" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="36" />
            <source>From</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="40" />
            <source>Tell Parley something, e.g. "I live in Porto"</source>
            <translation>告诉 Parley 一些事，例如 "I live in Porto"</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="41" />
            <source>A new fact for Parley to remember</source>
            <translation>让 Parley 记住的新事实</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="43" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="45" />
            <source>Edit...</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="47" />
            <source>Forget</source>
            <translation>忘掉</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="48" />
            <source>Forget the selected fact</source>
            <translation>忘掉所选的事实</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="50" />
            <source>with the sentences it came from</source>
            <translation>连同它来自的句子</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="51" />
            <source>Also delete what you said there: its transcript, search entries and recording</source>
            <translation>同时删除你在那里说的话：文字记录、搜索条目和录音</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="53" />
            <source>Also delete the sentences the fact came from</source>
            <translation>同时删除这条事实来自的句子</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="91" />
            <source>{n} things remembered</source>
            <translation>记住了 {n} 件事</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/memory_page.py" line="92" />
            <source>Memory is off ({n} kept until you forget them)</source>
            <translation>记忆已关闭（保留 {n} 条，直到你删除）</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/notebook.py" line="28" />
            <source>Mistakes by kind</source>
            <translation>按类型分的错误</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/notebook.py" line="29" />
            <source>Mistake</source>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/notebook.py" line="29" />
            <source>Count / date</source>
            <translation>次数 / 日期</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/notebook.py" line="29" />
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/notebook.py" line="31" />
            <source>Export CSV...</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/notebook.py" line="32" />
            <source>Export for Anki...</source>
            <translation>导出到 Anki…</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/notebook.py" line="62" />
            <source>{n} corrections in {kinds} kinds</source>
            <translation>{n} 处修改，共 {kinds} 类</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/progress.py" line="28" />
            <source>Minutes spoken per day</source>
            <translation>每天说话分钟数</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/progress.py" line="28" />
            <source>Streak (days)</source>
            <translation>连续天数</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/progress.py" line="29" />
            <source>Words per minute</source>
            <translation>每分钟词数</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/progress.py" line="29" />
            <source>Corrections per 100 words</source>
            <translation>每 100 词的修改数</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/progress.py" line="30" />
            <source>Drills mastered</source>
            <translation>已掌握的练习</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/progress.py" line="53" />
            <source>Practise a few days to see your progress here.</source>
            <translation>练习几天后，就能在这里看到你的进步。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/today.py" line="32" />
            <source>Loading...</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/today.py" line="33" />
            <location filename="../../app/ui/review/window.py" line="52" />
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/today.py" line="34" />
            <source>Start drills</source>
            <translation>开始练习</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/today.py" line="76" />
            <source>Goal reached for today.</source>
            <translation>今天的目标已完成。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/today.py" line="77" />
            <source>{n:.0f} more minutes to reach today's goal.</source>
            <translation>再练 {n:.0f} 分钟就能完成今天的目标。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/today.py" line="82" />
            <source>Suggested topic:</source>
            <translation>推荐话题：</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/today.py" line="84" />
            <source>Practice questions</source>
            <translation>练习问题</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/today.py" line="85" />
            <source>(the tutor asks about your recurring mistakes now and then):</source>
            <translation>（老师会不时就你常犯的错误提问）：</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/today.py" line="88" />
            <source>day</source>
            <translation>天</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/today.py" line="88" />
            <source>days</source>
            <translation>天</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/today.py" line="91" />
            <source>&lt;b&gt;{n}&lt;/b&gt; drills due</source>
            <translation>&lt;b&gt;{n}&lt;/b&gt; 个练习待复习</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/today.py" line="92" />
            <source>Streak: &lt;b&gt;{n}&lt;/b&gt; {days} (one missed day a week is forgiven)</source>
            <translation>连续：&lt;b&gt;{n}&lt;/b&gt; {days}（每周可以漏掉一天）</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/today.py" line="94" />
            <source>Spoken today: &lt;b&gt;{minutes:.1f}&lt;/b&gt; minutes in {turns} turns</source>
            <translation>今天已说 &lt;b&gt;{minutes:.1f}&lt;/b&gt; 分钟，共 {turns} 轮</translation>
        </message>
        <message>
            <location filename="../../app/ui/goal_controls.py" line="24" />
            <source>Daily goal in minutes</source>
            <translation>每日目标（分钟）</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/today.py" line="41" />
            <source>Today's goal:</source>
            <translation>今天的目标：</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/window.py" line="34" />
            <source>Parley: review</source>
            <translation>Parley：回顾</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/window.py" line="48" />
            <source>Review pages</source>
            <translation>回顾页面</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/window.py" line="52" />
            <source>History</source>
            <translation>历史</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/window.py" line="53" />
            <source>Mistakes</source>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/window.py" line="54" />
            <source>Drills</source>
            <translation>复习</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/window.py" line="54" />
            <source>Memory</source>
            <translation>记忆</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/window.py" line="55" />
            <location filename="../../app/ui/review/window.py" line="94" />
            <source>Weekly</source>
            <translation>每周</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/window.py" line="56" />
            <location filename="../../app/ui/review/window.py" line="78" />
            <source>Progress</source>
            <translation>进步</translation>
        </message>
        <message>
            <location filename="../../app/ui/session_dialog.py" line="24" />
            <source>Off (no corrections)</source>
            <translation>关闭（不纠错）</translation>
        </message>
        <message>
            <location filename="../../app/ui/session_dialog.py" line="24" />
            <source>Gentle (the tutor recasts)</source>
            <translation>温和（老师换个说法重复）</translation>
        </message>
        <message>
            <location filename="../../app/ui/session_dialog.py" line="25" />
            <source>Explicit (after each turn)</source>
            <translation>明确（每轮之后）</translation>
        </message>
        <message>
            <location filename="../../app/ui/session_dialog.py" line="26" />
            <source>Summary (at the end)</source>
            <translation>总结（最后统一）</translation>
        </message>
        <message>
            <location filename="../../app/ui/session_dialog.py" line="51" />
            <source>Correction style</source>
            <translation>纠错方式</translation>
        </message>
        <message>
            <location filename="../../app/ui/session_dialog.py" line="60" />
            <source>&amp;Scenario:</source>
            <translation>场景(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/session_dialog.py" line="62" />
            <source>&amp;Level:</source>
            <translation>水平(&amp;L)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/session_dialog.py" line="63" />
            <source>&amp;Corrections:</source>
            <translation>纠错(&amp;C)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/session_dialog.py" line="66" />
            <source>Skipped {pack}</source>
            <translation>已跳过 {pack}</translation>
        </message>
        <message>
            <location filename="../../app/ui/session_dialog.py" line="72" />
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../app/ui/session_dialog.py" line="89" />
            <source>Turns: {n}</source>
            <translation>轮数：{n}</translation>
        </message>
        <message>
            <location filename="../../app/ui/session_dialog.py" line="90" />
            <source>Minutes spoken: {n}</source>
            <translation>说话分钟数：{n}</translation>
        </message>
        <message>
            <location filename="../../app/ui/session_dialog.py" line="91" />
            <source>Corrections: {n}</source>
            <translation>修改：{n}</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="26" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="59" />
            <source>Models</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="60" />
            <source>Choose a tutor model</source>
            <translation>选择老师模型</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="100" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="103" />
            <source>Microphone</source>
            <translation>麦克风</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="104" />
            <source>Speaker</source>
            <translation>扬声器</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="106" />
            <source>Speech recognition backend</source>
            <translation>语音识别后端</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="108" />
            <source>Whisper model</source>
            <translation>Whisper 模型</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="109" />
            <source>Tutor model file</source>
            <translation>老师模型文件</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="108" />
            <source>measured default (folder or .pt file)</source>
            <translation>实测默认（文件夹或 .pt 文件）</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="22" />
            <source>System default</source>
            <translation>系统默认</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="27" />
            <source>Browse for {what}</source>
            <translation>浏览选择{what}</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="50" />
            <source>Auto ({n})</source>
            <translation>自动（{n}）</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="51" />
            <source>{name}: Auto uses {n} on this machine; the models reload when it changes</source>
            <translation>{name}：自动模式在这台电脑上使用 {n} 个；更改后模型会重新加载</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="83" />
            <source>Now: learned from your pauses once the models are loaded</source>
            <translation>当前：模型加载后会根据你的停顿自动调整</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="85" />
            <source>Now: waits {thinking:.1f} s after an unfinished sentence, {hesitant:.1f} s after one that may go on</source>
            <translation>当前：句子没说完时等 {thinking:.1f} 秒，可能还要接着说时等 {hesitant:.1f} 秒</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="88" />
            <source>({voice:.1f} s when your voice sounds finished)</source>
            <translation>（听起来已说完时等 {voice:.1f} 秒）</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="109" />
            <source>measured default (any .gguf file)</source>
            <translation>实测默认（任意 .gguf 文件）</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="112" />
            <source>GPU layers</source>
            <translation>GPU 层数</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="114" />
            <source>Automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="115" />
            <source>Tutor server URL</source>
            <translation>老师服务器网址</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="116" />
            <source>none (e.g. http://127.0.0.1:11434/v1 for Ollama)</source>
            <translation>无（例如 Ollama 的 http://127.0.0.1:11434/v1）</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="117" />
            <source>Server model</source>
            <translation>服务器模型</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="117" />
            <source>the first model the server lists</source>
            <translation>服务器列出的第一个模型</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="118" />
            <source>Server API key</source>
            <translation>服务器 API 密钥</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="118" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="121" />
            <source>Voice backend</source>
            <translation>语音后端</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="123" />
            <source>Voice</source>
            <translation>声音</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="123" />
            <source>default voice (Piper .onnx file or pyttsx3 voice id)</source>
            <translation>默认声音（Piper .onnx 文件或 pyttsx3 声音 ID）</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/weekly_page.py" line="26" />
            <source>Minutes spoken per week</source>
            <translation>每周说话分钟数</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/weekly_page.py" line="26" />
            <location filename="../../app/ui/review/weekly_page.py" line="75" />
            <source>minutes</source>
            <translation>分钟</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/weekly_page.py" line="27" />
            <source>Mistakes per 100 words, by kind</source>
            <translation>每 100 词的错误数（按类型）</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/weekly_page.py" line="27" />
            <source>per 100 words</source>
            <translation>每 100 词</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/weekly_page.py" line="28" />
            <location filename="../../app/ui/settings_dialog.py" line="125" />
            <source>Speaking rate</source>
            <translation>语速</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/weekly_page.py" line="28" />
            <location filename="../../app/ui/review/weekly_page.py" line="77" />
            <source>words/min</source>
            <translation>词/分钟</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/weekly_page.py" line="29" />
            <source>Pauses and fillers</source>
            <translation>停顿和填充词</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/weekly_page.py" line="29" />
            <source>per minute</source>
            <translation>每分钟</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/weekly_page.py" line="48" />
            <source>week starting</source>
            <translation>周起始日</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/weekly_page.py" line="78" />
            <source>pauses/min</source>
            <translation>停顿/分钟</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/weekly_page.py" line="79" />
            <source>fillers/min</source>
            <translation>填充词/分钟</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="128" />
            <source>Data folder</source>
            <translation>数据文件夹</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="128" />
            <source>default data folder</source>
            <translation>默认数据文件夹</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="132" />
            <source>Speaking interrupts the tutor (hands-free; echo cancellation on)</source>
            <translation>开口说话可打断老师（免按键模式；回声消除已开启）</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="133" />
            <source>Speaking interrupts the tutor (hands-free; use headphones)</source>
            <translation>开口说话可打断老师（免按键模式；请戴耳机）</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="134" />
            <source>Interrupt the tutor by speaking</source>
            <translation>开口说话即可打断老师</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="137" />
            <source>Longest pause while you think, in seconds</source>
            <translation>思考时最长停顿（秒）</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="138" />
            <source>When a sentence trails off ("and", "because", "um"), the tutor waits this long before it answers</source>
            <translation>当一句话没说完（"and"、"because"、"um"），老师最多等这么久再回答</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="144" />
            <source>Current patience in the middle of a sentence</source>
            <translation>句中停顿时当前的等待时间</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="145" />
            <source>Learned from how long you pause in the middle of a sentence, in this session and your last ones; at most the limit above</source>
            <translation>根据你在本次和最近几次练习中句中停顿的长短学习得出；不超过上面的上限</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="149" />
            <source>Speech recognition threads</source>
            <translation>语音识别线程数</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="150" />
            <source>Tutor model threads</source>
            <translation>老师模型线程数</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="151" />
            <source>Voice threads</source>
            <translation>声音线程数</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="152" />
            <source>Keep fillers (um, uh) in transcripts, for fluency review</source>
            <translation>在文字记录中保留填充词（um, uh），用于流利度回顾</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="153" />
            <source>Verbatim transcription</source>
            <translation>逐字转写</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="156" />
            <source>Theme</source>
            <translation>主题</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="157" />
            <location filename="../../app/ui/settings_dialog.py" line="163" />
            <source>Follow the system</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="157" />
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="158" />
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="161" />
            <source>Interface language</source>
            <translation>界面语言</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="162" />
            <source>The menus and buttons; the tutor always speaks English</source>
            <translation>菜单和按钮的语言；老师始终说英语</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="173" />
            <source>T&amp;heme:</source>
            <translation>主题(&amp;H)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="174" />
            <source>&amp;Interface language:</source>
            <translation>界面语言(&amp;I)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="176" />
            <source>&amp;Microphone:</source>
            <translation>麦克风(&amp;M)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="177" />
            <source>S&amp;peaker:</source>
            <translation>扬声器(&amp;P)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="178" />
            <source>Speech &amp;backend:</source>
            <translation>语音后端(&amp;B)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="179" />
            <source>&amp;Whisper model:</source>
            <translation>Whisper 模型(&amp;W)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="180" />
            <source>&amp;Tutor model (GGUF):</source>
            <translation>老师模型 (GGUF)(&amp;T)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="182" />
            <source>&amp;GPU layers:</source>
            <translation>GPU 层数(&amp;G)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="183" />
            <source>Tutor ser&amp;ver URL:</source>
            <translation>老师服务器网址(&amp;V)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="184" />
            <source>Server mode&amp;l:</source>
            <translation>服务器模型(&amp;L)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="185" />
            <source>Server &amp;key:</source>
            <translation>服务器密钥(&amp;K)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="186" />
            <source>&amp;Voice backend:</source>
            <translation>语音后端(&amp;V)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="187" />
            <source>V&amp;oice:</source>
            <translation>声音(&amp;O)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="188" />
            <source>Speaking &amp;rate:</source>
            <translation>语速(&amp;R)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="189" />
            <source>&amp;Data folder:</source>
            <translation>数据文件夹(&amp;D)：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="191" />
            <source>Wait while I &amp;think (up to):</source>
            <translation>我思考时等待(&amp;T)（最长）：</translation>
        </message>
        <message>
            <location filename="../../app/ui/settings_dialog.py" line="194" />
            <source>Thr&amp;eads (speech, tutor, voice):</source>
            <translation>线程数(&amp;E)（语音识别、老师、声音）：</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="22" />
            <source>Listening…</source>
            <translation>正在听……</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="22" />
            <source>Thinking…</source>
            <translation>正在思考……</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="23" />
            <source>Speaking…</source>
            <translation>正在说……</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="34" />
            <source>Tutor state</source>
            <translation>老师状态</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="37" />
            <source>Recording time</source>
            <translation>录音时长</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="39" />
            <source>Talk</source>
            <translation>说话</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="40" />
            <source>Hold while you speak; release to send</source>
            <translation>说话时按住，松开即发送</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="41" />
            <source>Hold to talk (Space)</source>
            <translation>按住说话（空格键）</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="44" />
            <location filename="../../app/ui/talk_bar.py" line="156" />
            <source>Hold Space to talk</source>
            <translation>按住空格键说话</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="48" />
            <source>Hands-free mode</source>
            <translation>免按键模式</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="50" />
            <source>Mute the tutor's voice</source>
            <translation>把老师静音</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="52" />
            <source>&amp;Stop</source>
            <translation>停下(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="54" />
            <source>Stop the tutor</source>
            <translation>让老师停下</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="55" />
            <source>Stop the tutor (Esc)</source>
            <translation>让老师停下（Esc）</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="156" />
            <source>No microphone: type below</source>
            <translation>没有麦克风：请在下方输入</translation>
        </message>
        <message>
            <location filename="../../app/ui/talk_bar.py" line="158" />
            <source>No microphone: type your message below</source>
            <translation>没有麦克风：请在下方输入消息</translation>
        </message>
        <message>
            <location filename="../../app/ui/theme/widgets.py" line="146" />
            <source>Today's goal</source>
            <translation>今天的目标</translation>
        </message>
        <message>
            <location filename="../../app/ui/theme/widgets.py" line="161" />
            <source>{done} of {goal} minutes</source>
            <translation>{done} / {goal} 分钟</translation>
        </message>
        <message>
            <location filename="../../app/ui/theme/widgets.py" line="191" />
            <source>of {goal} min</source>
            <translation>/ {goal} 分钟</translation>
        </message>
        <message>
            <location filename="../../app/ui/window_actions.py" line="36" />
            <source>How to fix it: </source>
            <translation>解决办法：</translation>
        </message>
        <message>
            <location filename="../../app/ui/requests_ui.py" line="45" />
            <source>Speaking rate: {rate}× (saved in Settings)</source>
            <translation>语速：{rate}×（已保存到设置）</translation>
        </message>
        <message>
            <location filename="../../app/ui/requests_ui.py" line="49" />
            <source>Corrections: {style}</source>
            <translation>纠错方式：{style}</translation>
        </message>
        <message>
            <location filename="../../app/ui/requests_ui.py" line="54" />
            <source>Scenario: {title}</source>
            <translation>场景：{title}</translation>
        </message>
        <message>
            <location filename="../../app/ui/requests_ui.py" line="57" />
            <source>Take your time: I'll wait longer for you to finish.</source>
            <translation>慢慢来：我会多等你一会儿再回答。</translation>
        </message>
        <message>
            <location filename="../../app/ui/requests_ui.py" line="72" />
            <location filename="../../app/ui/window_actions.py" line="86" />
            <source>level {level} · corrections: {style}</source>
            <translation>水平 {level} · 纠错：{style}</translation>
        </message>
        <message>
            <location filename="../../app/ui/window_actions.py" line="114" />
            <source>Session summary</source>
            <translation>练习总结</translation>
        </message>
        <message>
            <location filename="../../app/ui/window_actions.py" line="168" />
            <source>The new language shows everywhere once Parley restarts.</source>
            <translation>重新启动 Parley 后，新语言会在所有地方显示。</translation>
        </message>
        <message>
            <location filename="../../app/ui/window_actions.py" line="180" />
            <source>the review screens are not available ({error}) -- update Parley to a version that includes them</source>
            <translation>回顾页面不可用（{error}）-- 请把 Parley 更新到包含这些页面的版本</translation>
        </message>
        <message>
            <location filename="../../app/ui/window_actions.py" line="184" />
            <source>the review screens failed to open: {error} -- check the data folder in Settings</source>
            <translation>回顾页面无法打开：{error} -- 请在设置中检查数据文件夹</translation>
        </message>
        <message>
            <location filename="../../app/ui/i18n.py" line="119" />
            <source>No Chinese font on this computer: install noto-cjk-sans-otc (pip) or your system's Noto Sans CJK, or the Chinese menus show as boxes.</source>
            <translation>这台电脑没有中文字体：请安装 noto-cjk-sans-otc（pip）或系统的 Noto Sans CJK，否则中文菜单会显示为方框。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="54" />
            <source>You said:</source>
            <translation>你说的：</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="55" />
            <source>Fluent:</source>
            <translation>地道说法：</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="56" />
            <source>Fluent version</source>
            <translation>地道说法</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="60" />
            <source>Hear the fluent version</source>
            <translation>听地道说法</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="62" />
            <source>Hear it slowly</source>
            <translation>慢速听</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="64" />
            <source>Shadow</source>
            <translation>跟读</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="64" />
            <source>Say the fluent version yourself</source>
            <translation>自己说一遍地道说法</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="70" />
            <source>Shadowing result</source>
            <translation>跟读结果</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="72" />
            <source>Last shadowing: “{words}”</source>
            <translation>上次跟读：“{words}”</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="98" />
            <source>Loading the review…</source>
            <translation>正在加载回顾…</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="99" />
            <source>Review status</source>
            <translation>回顾状态</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="119" />
            <source>Building your fluent versions… {done} of {total} turns</source>
            <translation>正在生成地道说法… 第 {done} / {total} 轮</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="135" />
            <source>No turns in this session.</source>
            <translation>这次练习没有对话。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="137" />
            <source>Your fluent versions are built when the session ends.</source>
            <translation>练习结束后会生成你的地道说法。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="139" />
            <source>Your words, fluent</source>
            <translation>你的话，地道的说法</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="150" />
            <source>Nothing to compare with yet: keep practising.</source>
            <translation>还没有可以比较的记录：继续练习吧。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="151" />
            <source>What went well</source>
            <translation>做得好的地方</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="158" />
            <source>What to work on</source>
            <translation>需要改进的地方</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="159" />
            <source>No corrections in this session.</source>
            <translation>这次练习没有修改。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="160" />
            <source>Practise these in Drills</source>
            <translation>到“复习”里练习这些</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="163" />
            <source>Fluency</source>
            <translation>流利度</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/fluent_panel.py" line="181" />
            <source>Listening… say the fluent version.</source>
            <translation>正在听… 请说出地道说法。</translation>
        </message>
        <message>
            <location filename="../../app/ui/review/weekly_page.py" line="56" />
            <source>Practise this week to see your weekly review here.</source>
            <translation>本周练习后，这里会显示你的每周回顾。</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="54" />
            <source>{wpm:.0f} words a minute · {sentence:.0f} words a sentence · {rare:.0f} % less common words · {errors:.0f} corrections per 100 words</source>
            <translation>每分钟 {wpm:.0f} 个词 · 每句 {sentence:.0f} 个词 · {rare:.0f}% 较少见的词 · 每 100 词 {errors:.0f} 处修改</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="77" />
            <location filename="../../app/ui/level_talk.py" line="78" />
            <source>Find my level by talking for a minute</source>
            <translation>说一分钟话，测出我的水平</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="79" />
            <source>Talk for up to a minute; Parley estimates your level from your own words</source>
            <translation>最多说一分钟；Parley 会根据你说的话估计你的水平</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="82" />
            <source>Tell me about your last weekend, or a place you love. Talk for up to a minute, then press the button again.</source>
            <translation>用英语讲讲你上个周末，或者一个你喜欢的地方。最多说一分钟，说完再按一次按钮。</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="86" />
            <source>Finish talking</source>
            <translation>说完了</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="87" />
            <source>Press when you have finished; it stops by itself after a minute</source>
            <translation>说完后按下；一分钟后会自动停止</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="92" />
            <source>Level talk status</source>
            <translation>水平测试状态</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="93" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="94" />
            <source>Cancel the level talk</source>
            <translation>取消水平测试</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="138" />
            <source>Listening… {seconds} s left</source>
            <translation>正在听… 还剩 {seconds} 秒</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="152" />
            <source>Cancelled. Choose your level above, or try again.</source>
            <translation>已取消。请在上面选择你的水平，或者再试一次。</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="167" />
            <source>That was too short to tell. Talk a little longer, or choose your level above.</source>
            <translation>说得太短，无法判断。请多说一会儿，或在上面选择你的水平。</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="181" />
            <source>Getting the speech models ready…</source>
            <translation>正在准备语音模型…</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="185" />
            <source>Listening to what you said…</source>
            <translation>正在分析你说的话…</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="201" />
            <location filename="../../app/ui/level_talk.py" line="224" />
            <source>Talk again</source>
            <translation>再说一次</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="202" />
            <source>Find my level by talking again</source>
            <translation>再说一次来测水平</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="204" />
            <source>I heard only {n} words: not enough to tell. Talk a little longer, or choose your level above.</source>
            <translation>只听到 {n} 个词，不足以判断。请多说一会儿，或在上面选择你的水平。</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="207" />
            <source>Your level looks like {level}: {reasons}. It is checked above; keep it or choose another.</source>
            <translation>你的水平大约是 {level}：{reasons}。已在上面选中；可以保留，也可以换一个。</translation>
        </message>
        <message>
            <location filename="../../app/ui/level_talk.py" line="216" />
            <source>The level talk did not work: {problem}</source>
            <translation>水平测试没有成功：{problem}</translation>
        </message>
    </context>
</TS>
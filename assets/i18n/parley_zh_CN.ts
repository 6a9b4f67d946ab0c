<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../app/ui/conversation_view.py" line="80"/>
        <location filename="../../app/ui/review/detail.py" line="121"/>
        <source>{who} message</source>
        <translation>{who}的消息</translation>
    </message>
    <message>
        <location filename="../../app/ui/conversation_view.py" line="102"/>
        <location filename="../../app/ui/review/detail.py" line="49"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../app/ui/conversation_view.py" line="106"/>
        <location filename="../../app/ui/review/detail.py" line="52"/>
        <source>Your words</source>
        <translation>你说的话</translation>
    </message>
    <message>
        <location filename="../../app/ui/conversation_view.py" line="107"/>
        <source>Play my recording</source>
        <translation>播放我的录音</translation>
    </message>
    <message>
        <location filename="../../app/ui/conversation_view.py" line="114"/>
        <source>Correction</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/conversation_view.py" line="115"/>
        <source>Why? Show the reason</source>
        <translation>为什么？显示原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/conversation_view.py" line="115"/>
        <source>Why?</source>
        <translation>为什么？</translation>
    </message>
    <message>
        <location filename="../../app/ui/conversation_view.py" line="119"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/conversation_view.py" line="148"/>
        <location filename="../../app/ui/conversation_view.py" line="226"/>
        <location filename="../../app/ui/review/detail.py" line="85"/>
        <location filename="../../app/ui/review/history.py" line="33"/>
        <location filename="../../app/ui/theme/widgets.py" line="112"/>
        <source>Tutor</source>
        <translation>老师</translation>
    </message>
    <message>
        <location filename="../../app/ui/conversation_view.py" line="150"/>
        <location filename="../../app/ui/review/detail.py" line="88"/>
        <source>Tutor&apos;s words</source>
        <translation>老师说的话</translation>
    </message>
    <message>
        <location filename="../../app/ui/conversation_view.py" line="154"/>
        <source>Play the tutor again</source>
        <translation>再听一遍老师的话</translation>
    </message>
    <message>
        <location filename="../../app/ui/conversation_view.py" line="155"/>
        <source>Play the tutor slowly</source>
        <translation>慢速播放老师的话</translation>
    </message>
    <message>
        <location filename="../../app/ui/conversation_view.py" line="155"/>
        <source>Slow</source>
        <translation>慢速</translation>
    </message>
    <message>
        <location filename="../../app/ui/conversation_view.py" line="199"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="38"/>
        <source>I can talk about everyday things, slowly and simply.</source>
        <translation>我能慢慢地、简单地谈论日常话题。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="39"/>
        <source>I can keep a conversation going on familiar topics.</source>
        <translation>我能就熟悉的话题持续交谈。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="40"/>
        <source>I can talk easily about most topics, with some mistakes.</source>
        <translation>我能轻松谈论大多数话题，偶尔出错。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="41"/>
        <source>I speak fluently and want to sound natural.</source>
        <translation>我说得很流利，想说得更地道。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="69"/>
        <source>Test my microphone</source>
        <translation>测试我的麦克风</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="70"/>
        <source>Record a few seconds, then hear them played back</source>
        <translation>录几秒钟，然后听回放</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="72"/>
        <source>Press the button and say: “Hello, my name is …”</source>
        <translation>按下按钮并说：“Hello, my name is …”</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="74"/>
        <source>Play it again</source>
        <translation>再播放一遍</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="76"/>
        <source>Play my recording again</source>
        <translation>再次播放我的录音</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="81"/>
        <source>Can the tutor hear you?</source>
        <translation>老师能听到你吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="82"/>
        <source>Parley listens to you speak. Record a few seconds to check your microphone; you will hear them played back.</source>
        <translation>Parley 会听你说话。录几秒钟来检查麦克风，录音会回放给你听。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="95"/>
        <source>Listening… say a sentence</source>
        <translation>正在听……请说一句话</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="123"/>
        <source>We heard you. Listen to the playback: is it clear?</source>
        <translation>我们听到你了。听听回放：清楚吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="125"/>
        <source>We heard almost nothing. Check the microphone in your system&apos;s sound settings, or in Parley&apos;s Settings.</source>
        <translation>几乎什么都没听到。请在系统声音设置或 Parley 的设置中检查麦克风。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="134"/>
        <source>The microphone did not work: {problem}</source>
        <translation>麦克风无法使用：{problem}</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="158"/>
        <source>How well do you speak English?</source>
        <translation>你的英语口语水平如何？</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="159"/>
        <source>The tutor matches its words and speed to your level. You can change it for any session.</source>
        <translation>老师会根据你的水平调整用词和语速。每次练习都可以更改。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="163"/>
        <source>Level {level}</source>
        <translation>水平 {level}</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="180"/>
        <source>A daily goal</source>
        <translation>每日目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="181"/>
        <source>A little every day works best. Home shows how far you are today; you can change the goal there.</source>
        <translation>每天练一点效果最好。主页会显示你今天的进度，也可以在那里修改目标。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="185"/>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="187"/>
        <source>{n} minutes a day</source>
        <translation>每天 {n} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="214"/>
        <source>Tutor models</source>
        <translation>老师模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="217"/>
        <source>Measure its speed</source>
        <translation>测量速度</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="218"/>
        <source>Measure the chosen model&apos;s speed on this machine</source>
        <translation>在这台电脑上测量所选模型的速度</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="222"/>
        <source>Your tutor&apos;s brain</source>
        <translation>老师的“大脑”</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="223"/>
        <source>A larger model answers better but slower. The speed is measured on this computer: about 15 tokens a second feels like a conversation.</source>
        <translation>模型越大，回答越好但越慢。速度是在这台电脑上测量的：每秒约 15 个词元就像正常对话。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="273"/>
        <source>Measuring… (loads the model once)</source>
        <translation>正在测量……（会加载一次模型）</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="283"/>
        <source>{speed:.0f} tokens a second here</source>
        <translation>本机每秒 {speed:.0f} 个词元</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="302"/>
        <source>Welcome to Parley</source>
        <translation>欢迎使用 Parley</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="323"/>
        <source>Skip setup</source>
        <translation>跳过设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="324"/>
        <source>Skip the setup and start</source>
        <translation>跳过设置并开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="325"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="326"/>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="327"/>
        <location filename="../../app/ui/first_start.py" line="353"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="329"/>
        <location filename="../../app/ui/first_start.py" line="354"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="350"/>
        <source>Step {n} of {total}</source>
        <translation>第 {n} 步，共 {total} 步</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="353"/>
        <source>Start talking</source>
        <translation>开始说话</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="354"/>
        <source>Finish and start talking</source>
        <translation>完成并开始说话</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="61"/>
        <source>Streak</source>
        <translation>连续天数</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="62"/>
        <location filename="../../app/ui/review/drills.py" line="42"/>
        <source>Drills due</source>
        <translation>待复习练习</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="63"/>
        <source>Practise drills</source>
        <translation>做练习</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="64"/>
        <source>Practise the drills due</source>
        <translation>做待复习的练习</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="66"/>
        <source>One thing to work on</source>
        <translation>需要改进的一点</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="67"/>
        <location filename="../../app/ui/home_panel.py" line="69"/>
        <location filename="../../app/ui/review/today.py" line="51"/>
        <source>Continue where we left off</source>
        <translation>从上次停下的地方继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="71"/>
        <source>Suggested topic</source>
        <translation>推荐话题</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="73"/>
        <location filename="../../app/ui/home_panel.py" line="209"/>
        <source>Talk about it</source>
        <translation>聊聊这个</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="74"/>
        <source>Start the suggested topic</source>
        <translation>开始推荐的话题</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="80"/>
        <source>Goal and reminder</source>
        <translation>目标和提醒</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="81"/>
        <source>Change the daily goal and reminder</source>
        <translation>修改每日目标和提醒</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="84"/>
        <source> minutes a day</source>
        <translation> 分钟/天</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="85"/>
        <location filename="../../app/ui/review/today.py" line="37"/>
        <source>Daily goal</source>
        <translation>每日目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="87"/>
        <location filename="../../app/ui/review/today.py" line="41"/>
        <source>Remind me each day at</source>
        <translation>每天提醒我，时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="88"/>
        <source>Daily reminder</source>
        <translation>每日提醒</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="89"/>
        <source>A notification at this time, only on days you have not practised yet</source>
        <translation>在这个时间通知你，仅限当天还没练习时</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="92"/>
        <location filename="../../app/ui/review/today.py" line="46"/>
        <location filename="../../app/ui/review/today.py" line="47"/>
        <source>Reminder time</source>
        <translation>提醒时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="182"/>
        <source>Spoken today: {minutes} of {goal} minutes, in {turns} turns</source>
        <translation>今天已说 {minutes} / {goal} 分钟，共 {turns} 轮</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="187"/>
        <source>{n}-day streak</source>
        <translation>连续 {n} 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="188"/>
        <source>Talk today to start a streak</source>
        <translation>今天说几句，开始连续记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="190"/>
        <source>No drills due</source>
        <translation>没有待复习的练习</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="190"/>
        <source>1 drill due</source>
        <translation>1 个练习待复习</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="191"/>
        <source>{n} drills due</source>
        <translation>{n} 个练习待复习</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="194"/>
        <source>&lt;b&gt;One thing to work on:&lt;/b&gt; {kind} ({said} → {better})</source>
        <translation>&lt;b&gt;需要改进的一点：&lt;/b&gt;{kind}（{said} → {better}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="199"/>
        <source>Nothing to fix from last time. Keep talking!</source>
        <translation>上次没有需要改正的地方，继续加油！</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="203"/>
        <source>Continue: {scenario}</source>
        <translation>继续：{scenario}</translation>
    </message>
    <message>
        <location filename="../../app/ui/home_panel.py" line="209"/>
        <source>Practise it</source>
        <translation>练习一下</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="97"/>
        <location filename="../../app/ui/review/window.py" line="53"/>
        <source>Session</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="102"/>
        <source>Or type what you want to say, then press Enter</source>
        <translation>或者输入你想说的话，然后按回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="103"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="104"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="107"/>
        <source>Send message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="112"/>
        <location filename="../../app/ui/main_window.py" line="177"/>
        <source>&amp;New session…</source>
        <translation>新练习(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="114"/>
        <location filename="../../app/ui/session_dialog.py" line="36"/>
        <source>New session</source>
        <translation>新练习</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="115"/>
        <source>Choose a scenario, your level and how corrections are shown (Ctrl+N)</source>
        <translation>选择场景、你的水平和纠错方式（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="140"/>
        <source>Loading models…</source>
        <translation>正在加载模型……</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="141"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="143"/>
        <source>Model loading progress</source>
        <translation>模型加载进度</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="149"/>
        <source>Server notice</source>
        <translation>服务器通知</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="176"/>
        <source>&amp;Session</source>
        <translation>练习(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178"/>
        <source>&amp;End session</source>
        <translation>结束练习(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="179"/>
        <source>&amp;Review…</source>
        <translation>回顾(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="180"/>
        <source>&amp;Getting started…</source>
        <translation>入门设置(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="182"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="183"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="184"/>
        <source>&amp;Talk</source>
        <translation>说话(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <location filename="../../app/ui/talk_bar.py" line="47"/>
        <source>&amp;Hands-free</source>
        <translation>免按键(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="187"/>
        <location filename="../../app/ui/talk_bar.py" line="49"/>
        <source>&amp;Mute voice</source>
        <translation>静音(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="188"/>
        <source>&amp;Stop the tutor</source>
        <translation>让老师停下(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="242"/>
        <source>Ready. Hold Space to talk, or type below.</source>
        <translation>准备好了。按住空格键说话，或在下方输入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="256"/>
        <source>Loading the {stage} model…</source>
        <translation>正在加载{stage}模型……</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="257"/>
        <location filename="../../app/ui/talk_bar.py" line="22"/>
        <source>Ready</source>
        <translation>准备好了</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="261"/>
        <source>Models not loaded: </source>
        <translation>模型未加载：</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="262"/>
        <source>The models could not be loaded</source>
        <translation>无法加载模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="271"/>
        <source>No microphone: you can still type</source>
        <translation>没有麦克风：你仍然可以打字</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="300"/>
        <source>Stopped. Go ahead!</source>
        <translation>已停下。请说吧！</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/detail.py" line="53"/>
        <source>Replay my recording</source>
        <translation>重放我的录音</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/detail.py" line="59"/>
        <location filename="../../app/ui/review/history.py" line="29"/>
        <source>Corrections</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/detail.py" line="63"/>
        <source>Fluency: {wpm} words/min, {pauses} pauses over 1 s, {fillers} fillers</source>
        <translation>流利度：每分钟 {wpm} 词，{pauses} 次超过 1 秒的停顿，{fillers} 个填充词</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/detail.py" line="72"/>
        <source>Unclear words:</source>
        <translation>不清楚的词：</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/detail.py" line="78"/>
        <source>not in the CMU dictionary</source>
        <translation>不在 CMU 词典中</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/detail.py" line="79"/>
        <source>Say “{word}”</source>
        <translation>读出“{word}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/detail.py" line="89"/>
        <source>Replay the tutor</source>
        <translation>重放老师的话</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/detail.py" line="109"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/detail.py" line="147"/>
        <source>Open a session from the history.</source>
        <translation>从历史记录中打开一次练习。</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/detail.py" line="149"/>
        <source>Pronunciation</source>
        <translation>发音</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/detail.py" line="181"/>
        <source>This session no longer exists.</source>
        <translation>这次练习已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/detail.py" line="185"/>
        <source>{when}, {n} turns</source>
        <translation>{when}，{n} 轮</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/drills.py" line="43"/>
        <source>No drills due.</source>
        <translation>没有待复习的练习。</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/drills.py" line="44"/>
        <source>Sentence to say</source>
        <translation>要说的句子</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/drills.py" line="46"/>
        <source>Practice again (speak now)</source>
        <translation>再练一次（现在说）</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/drills.py" line="47"/>
        <source>Hear it</source>
        <translation>听一听</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/drills.py" line="55"/>
        <source>Due now:</source>
        <translation>现在待复习：</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/drills.py" line="112"/>
        <source>Listening... say the sentence.</source>
        <translation>正在听……请说这句话。</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="29"/>
        <location filename="../../app/ui/review/history.py" line="33"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="29"/>
        <location filename="../../app/ui/review/history.py" line="33"/>
        <location filename="../../app/ui/session_dialog.py" line="42"/>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="29"/>
        <location filename="../../app/ui/session_dialog.py" line="48"/>
        <source>Level</source>
        <translation>水平</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="29"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="29"/>
        <source>Turns</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="33"/>
        <source>Turn</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="33"/>
        <source>You said</source>
        <translation>你说的</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="54"/>
        <source>Search what you said and what the tutor replied</source>
        <translation>搜索你说的话和老师的回答</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="55"/>
        <source>Search sessions</source>
        <translation>搜索练习</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="57"/>
        <source>Scenario filter</source>
        <translation>场景筛选</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="59"/>
        <source>Between</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="60"/>
        <source>Only sessions between two dates</source>
        <translation>只显示两个日期之间的练习</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="65"/>
        <source>Sessions</source>
        <translation>练习记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="73"/>
        <source>From date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="74"/>
        <source>To date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="75"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="77"/>
        <source>Delete session</source>
        <translation>删除练习</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/history.py" line="78"/>
        <source>Export session...</source>
        <translation>导出练习…</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/learned_box.py" line="17"/>
        <source>What Parley learned about you in this session</source>
        <translation>Parley 在这次练习中了解到的关于你的事</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/learned_box.py" line="25"/>
        <source>Not right: forget</source>
        <translation>不对：忘掉</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/memory_page.py" line="28"/>
        <source>Remember what I tell Parley and ask me about it</source>
        <translation>记住我告诉 Parley 的事，并就此提问</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/memory_page.py" line="31"/>
        <source>Everything Parley remembers is here and only on this computer. Forget a fact and it is gone for good.</source>
        <translation>Parley 记住的一切都在这里，并且只保存在这台电脑上。忘掉一条就永久删除。</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/memory_page.py" line="35"/>
        <location filename="../../app/ui/review/memory_page.py" line="36"/>
        <source>What Parley remembers</source>
        <translation>Parley 记住的事</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/memory_page.py" line="36"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/memory_page.py" line="36"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/memory_page.py" line="40"/>
        <source>Tell Parley something, e.g. &quot;I live in Porto&quot;</source>
        <translation>告诉 Parley 一些事，例如 &quot;I live in Porto&quot;</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/memory_page.py" line="41"/>
        <source>A new fact for Parley to remember</source>
        <translation>让 Parley 记住的新事实</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/memory_page.py" line="43"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/memory_page.py" line="45"/>
        <source>Edit...</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/memory_page.py" line="47"/>
        <source>Forget</source>
        <translation>忘掉</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/memory_page.py" line="48"/>
        <source>Forget the selected fact</source>
        <translation>忘掉所选的事实</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/memory_page.py" line="50"/>
        <source>with the sentences it came from</source>
        <translation>连同它来自的句子</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/memory_page.py" line="51"/>
        <source>Also delete what you said there: its transcript, search entries and recording</source>
        <translation>同时删除你在那里说的话：文字记录、搜索条目和录音</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/memory_page.py" line="53"/>
        <source>Also delete the sentences the fact came from</source>
        <translation>同时删除这条事实来自的句子</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/notebook.py" line="28"/>
        <source>Mistakes by kind</source>
        <translation>按类型分的错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/notebook.py" line="29"/>
        <source>Mistake</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/notebook.py" line="29"/>
        <source>Count / date</source>
        <translation>次数 / 日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/notebook.py" line="29"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/notebook.py" line="31"/>
        <source>Export CSV...</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/notebook.py" line="32"/>
        <source>Export for Anki...</source>
        <translation>导出到 Anki…</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/progress.py" line="28"/>
        <source>Minutes spoken per day</source>
        <translation>每天说话分钟数</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/progress.py" line="28"/>
        <source>Streak (days)</source>
        <translation>连续天数</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/progress.py" line="29"/>
        <source>Words per minute</source>
        <translation>每分钟词数</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/progress.py" line="29"/>
        <source>Corrections per 100 words</source>
        <translation>每 100 词的修改数</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/progress.py" line="30"/>
        <source>Drills mastered</source>
        <translation>已掌握的练习</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/progress.py" line="53"/>
        <source>Practise a few days to see your progress here.</source>
        <translation>练习几天后，就能在这里看到你的进步。</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/today.py" line="31"/>
        <source>Loading...</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/today.py" line="32"/>
        <location filename="../../app/ui/review/window.py" line="52"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/today.py" line="33"/>
        <source>Start drills</source>
        <translation>开始练习</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/today.py" line="38"/>
        <source>Daily goal in minutes</source>
        <translation>每日目标（分钟）</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/today.py" line="53"/>
        <source>Today&apos;s goal:</source>
        <translation>今天的目标：</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/window.py" line="34"/>
        <source>Parley: review</source>
        <translation>Parley：回顾</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/window.py" line="48"/>
        <source>Review pages</source>
        <translation>回顾页面</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/window.py" line="52"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/window.py" line="53"/>
        <source>Mistakes</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/window.py" line="54"/>
        <source>Drills</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/window.py" line="54"/>
        <source>Memory</source>
        <translation>记忆</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/window.py" line="55"/>
        <location filename="../../app/ui/review/window.py" line="94"/>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../app/ui/review/window.py" line="56"/>
        <location filename="../../app/ui/review/window.py" line="78"/>
        <source>Progress</source>
        <translation>进步</translation>
    </message>
    <message>
        <location filename="../../app/ui/session_dialog.py" line="24"/>
        <source>Off (no corrections)</source>
        <translation>关闭（不纠错）</translation>
    </message>
    <message>
        <location filename="../../app/ui/session_dialog.py" line="24"/>
        <source>Gentle (the tutor recasts)</source>
        <translation>温和（老师换个说法重复）</translation>
    </message>
    <message>
        <location filename="../../app/ui/session_dialog.py" line="25"/>
        <source>Explicit (after each turn)</source>
        <translation>明确（每轮之后）</translation>
    </message>
    <message>
        <location filename="../../app/ui/session_dialog.py" line="26"/>
        <source>Summary (at the end)</source>
        <translation>总结（最后统一）</translation>
    </message>
    <message>
        <location filename="../../app/ui/session_dialog.py" line="51"/>
        <source>Correction style</source>
        <translation>纠错方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/session_dialog.py" line="60"/>
        <source>&amp;Scenario:</source>
        <translation>场景(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/session_dialog.py" line="62"/>
        <source>&amp;Level:</source>
        <translation>水平(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/session_dialog.py" line="63"/>
        <source>&amp;Corrections:</source>
        <translation>纠错(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/session_dialog.py" line="66"/>
        <source>Skipped {pack}</source>
        <translation>已跳过 {pack}</translation>
    </message>
    <message>
        <location filename="../../app/ui/session_dialog.py" line="72"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/session_dialog.py" line="89"/>
        <source>Turns: {n}</source>
        <translation>轮数：{n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/session_dialog.py" line="90"/>
        <source>Minutes spoken: {n}</source>
        <translation>说话分钟数：{n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/session_dialog.py" line="91"/>
        <source>Corrections: {n}</source>
        <translation>修改：{n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="21"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="54"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="55"/>
        <source>Choose a tutor model</source>
        <translation>选择老师模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="88"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="91"/>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="92"/>
        <source>Speaker</source>
        <translation>扬声器</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="94"/>
        <source>Speech recognition backend</source>
        <translation>语音识别后端</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="96"/>
        <source>Whisper model</source>
        <translation>Whisper 模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="97"/>
        <source>Tutor model file</source>
        <translation>老师模型文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="96"/>
        <source>measured default (folder or .pt file)</source>
        <translation>实测默认（文件夹或 .pt 文件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="97"/>
        <source>measured default (any .gguf file)</source>
        <translation>实测默认（任意 .gguf 文件）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="100"/>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="102"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="103"/>
        <source>Tutor server URL</source>
        <translation>老师服务器网址</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="104"/>
        <source>none (e.g. http://127.0.0.1:11434/v1 for Ollama)</source>
        <translation>无（例如 Ollama 的 http://127.0.0.1:11434/v1）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="105"/>
        <source>Server model</source>
        <translation>服务器模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="105"/>
        <source>the first model the server lists</source>
        <translation>服务器列出的第一个模型</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="106"/>
        <source>Server API key</source>
        <translation>服务器 API 密钥</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="106"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="109"/>
        <source>Voice backend</source>
        <translation>语音后端</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="111"/>
        <source>Voice</source>
        <translation>声音</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="111"/>
        <source>default voice (Piper .onnx file or pyttsx3 voice id)</source>
        <translation>默认声音（Piper .onnx 文件或 pyttsx3 声音 ID）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="113"/>
        <source>Speaking rate</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="116"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="116"/>
        <source>default data folder</source>
        <translation>默认数据文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="122"/>
        <source>Interrupt the tutor by speaking</source>
        <translation>开口说话即可打断老师</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="125"/>
        <source>Longest pause while you think, in seconds</source>
        <translation>思考时最长停顿（秒）</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="126"/>
        <source>When a sentence trails off (&quot;and&quot;, &quot;because&quot;, &quot;um&quot;), the tutor waits this long before it answers</source>
        <translation>当一句话没说完（&quot;and&quot;、&quot;because&quot;、&quot;um&quot;），老师最多等这么久再回答</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="132"/>
        <source>Current patience in the middle of a sentence</source>
        <translation>句中停顿时当前的等待时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="133"/>
        <source>Learned from how long you pause in the middle of a sentence, in this session and your last ones; at most the limit above</source>
        <translation>根据你在本次和最近几次练习中句中停顿的长短学习得出；不超过上面的上限</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="140"/>
        <source>Keep fillers (um, uh) in transcripts, for fluency review</source>
        <translation>在文字记录中保留填充词（um, uh），用于流利度回顾</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="141"/>
        <source>Verbatim transcription</source>
        <translation>逐字转写</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="144"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="145"/>
        <location filename="../../app/ui/settings_dialog.py" line="151"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="145"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="146"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="149"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="150"/>
        <source>The menus and buttons; the tutor always speaks English</source>
        <translation>菜单和按钮的语言；老师始终说英语</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="155"/>
        <source>T&amp;heme:</source>
        <translation>主题(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="156"/>
        <source>&amp;Interface language:</source>
        <translation>界面语言(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="157"/>
        <source>&amp;Microphone:</source>
        <translation>麦克风(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="158"/>
        <source>S&amp;peaker:</source>
        <translation>扬声器(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="159"/>
        <source>Speech &amp;backend:</source>
        <translation>语音后端(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="160"/>
        <source>&amp;Whisper model:</source>
        <translation>Whisper 模型(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="161"/>
        <source>&amp;Tutor model (GGUF):</source>
        <translation>老师模型 (GGUF)(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="163"/>
        <source>&amp;GPU layers:</source>
        <translation>GPU 层数(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="164"/>
        <source>Tutor ser&amp;ver URL:</source>
        <translation>老师服务器网址(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="165"/>
        <source>Server mode&amp;l:</source>
        <translation>服务器模型(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="166"/>
        <source>Server &amp;key:</source>
        <translation>服务器密钥(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="167"/>
        <source>&amp;Voice backend:</source>
        <translation>语音后端(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="168"/>
        <source>V&amp;oice:</source>
        <translation>声音(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="169"/>
        <source>Speaking &amp;rate:</source>
        <translation>语速(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="170"/>
        <source>&amp;Data folder:</source>
        <translation>数据文件夹(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="172"/>
        <source>Wait while I &amp;think (up to):</source>
        <translation>我思考时等待(&amp;T)（最长）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="175"/>
        <source>Thr&amp;eads (speech, tutor, voice):</source>
        <translation>线程数(&amp;E)（语音识别、老师、声音）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="22"/>
        <source>Listening…</source>
        <translation>正在听……</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="22"/>
        <source>Thinking…</source>
        <translation>正在思考……</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="23"/>
        <source>Speaking…</source>
        <translation>正在说……</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="34"/>
        <source>Tutor state</source>
        <translation>老师状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="37"/>
        <source>Recording time</source>
        <translation>录音时长</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="39"/>
        <source>Talk</source>
        <translation>说话</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="40"/>
        <source>Hold while you speak; release to send</source>
        <translation>说话时按住，松开即发送</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="41"/>
        <source>Hold to talk (Space)</source>
        <translation>按住说话（空格键）</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="44"/>
        <location filename="../../app/ui/talk_bar.py" line="156"/>
        <source>Hold Space to talk</source>
        <translation>按住空格键说话</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="48"/>
        <source>Hands-free mode</source>
        <translation>免按键模式</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="50"/>
        <source>Mute the tutor&apos;s voice</source>
        <translation>把老师静音</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="52"/>
        <source>&amp;Stop</source>
        <translation>停下(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="54"/>
        <source>Stop the tutor</source>
        <translation>让老师停下</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="55"/>
        <source>Stop the tutor (Esc)</source>
        <translation>让老师停下（Esc）</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="156"/>
        <source>No microphone: type below</source>
        <translation>没有麦克风：请在下方输入</translation>
    </message>
    <message>
        <location filename="../../app/ui/talk_bar.py" line="158"/>
        <source>No microphone: type your message below</source>
        <translation>没有麦克风：请在下方输入消息</translation>
    </message>
    <message>
        <location filename="../../app/ui/theme/widgets.py" line="146"/>
        <source>Today&apos;s goal</source>
        <translation>今天的目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/theme/widgets.py" line="161"/>
        <source>{done} of {goal} minutes</source>
        <translation>{done} / {goal} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/theme/widgets.py" line="191"/>
        <source>of {goal} min</source>
        <translation>/ {goal} 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_actions.py" line="36"/>
        <source>How to fix it: </source>
        <translation>解决办法：</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_actions.py" line="86"/>
        <source>level {level} · corrections: {style}</source>
        <translation>水平 {level} · 纠错：{style}</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_actions.py" line="114"/>
        <source>Session summary</source>
        <translation>练习总结</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_actions.py" line="166"/>
        <source>The new language shows everywhere once Parley restarts.</source>
        <translation>重新启动 Parley 后，新语言会在所有地方显示。</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_actions.py" line="178"/>
        <source>the review screens are not available ({error}) -- update Parley to a version that includes them</source>
        <translation>回顾页面不可用（{error}）-- 请把 Parley 更新到包含这些页面的版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_actions.py" line="182"/>
        <source>the review screens failed to open: {error} -- check the data folder in Settings</source>
        <translation>回顾页面无法打开：{error} -- 请在设置中检查数据文件夹</translation>
    </message>
</context>
</TS>

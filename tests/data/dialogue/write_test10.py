# ruff: noqa: E501 - one hand-written line of the set per source line
"""Writes test10.jsonl: a held-out split of 100 learner lines that are not news
(ids 11001-11100, ``"split": "test10"``), written blind on 2026-12-07 by a
session that had not seen the tutor's code, its docs or its output; only this
set's format (README.md, write_test9.py, test9.jsonl and the other splits'
lines, to keep the same row shape and to repeat none of their lines or
subjects, checked by tests/tutor/test_blind_splits.py). Never tune on it; run
this only to change the set.

The rows have test9.jsonl's shape: ``act``, ``kind``, ``subject``, ``detail``
where the act uses them, ``context``, ``learner``, ``expect``, ``id``,
``split``. The learner lines are what Whisper gives for A2-B1 speakers of many
first languages (Spanish, Italian, Arabic, Chinese, Russian, Polish, Hindi,
Japanese, Portuguese, Turkish, German, Korean, ...) talking to a voice tutor:
lower case or Whisper's capitals, fillers, false starts, broken question
frames ("how is called", "is correct?", "what means X"), the question alone,
after some talk in the same turn, or before the sentence it asks about. About
half of the rows come after a short thread (one to three lines after the
tutor's opening). ``expect`` as in README.md: "is it correct?" rows with
``wrong: true`` list in ``answer_any`` every natural wording of the fix (full
and contracted), none of which the wrong sentence already says; a right
sentence has only ``wrong: false``; word forms use test8's details (past,
past participle, plural, comparative, superlative, -ing); meanings list words
a plain definition uses; how-to-say lists every word a person would accept;
pronunciation: for the stress, the stressed syllable's position (CMUdict's one
primary stress, checked by hand); for a silent letter, words an answer saying
it is silent uses; for syllables, the count as an answer says it. Questions to
the tutor have ``content``; goodbye and unclear have none.
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))  # split_rows.py, beside it (run or loaded by path)
from split_rows import build_rows, write_rows  # noqa: E402

T = "Tutor: Hi! How was your day?"

# --- is it correct? wrong ones: (thread after T, line, sentence asked about, every wording of the fix)
WRONG = [
    (["Learner: so tired today", "Tutor: Oh dear, a long day at work?"],
     "yes, I have a lot of works today, the whole week actually. uh, a lot of works, is it correct?",
     "I have a lot of works today", ["a lot of work today", "lots of work today", "much work today", "so much work today", "a lot to do", "lots to do", "so much to do"]),
    ([], "I didn't used to like coffee but now I drink three cups a day. hmm, didn't used to, this is ok?",
     "I didn't used to like coffee", ["didn't use to", "did not use to", "never used to", "used not to"]),
    (["Learner: i'm still at the office", "Tutor: Oh, working late?"],
     "yes, um, can I write to my wife, I'll call you as soon as I will finish work? is it good English?",
     "I'll call you as soon as I will finish work", ["as soon as i finish", "as soon as i've finished", "as soon as i have finished", "when i finish", "once i finish", "once i've finished", "once i have finished"]),
    ([], "my grandfather was telling a story about the war and I listened him carefully. Is it right, listened him?",
     "I listened him carefully", ["listened to him", "listened to what he"]),
    (["Learner: my friend from school is in town this week"],
     "We can meet tomorrow at the evening, I want to send her this message. at the evening, correct or not?",
     "We can meet tomorrow at the evening", ["in the evening", "tomorrow evening", "tomorrow night"]),
    ([], "is this correct? it's raining since this morning, I can't go out",
     "it's raining since this morning", ["it's been raining", "it has been raining", "been raining", "it has rained", "it's rained"]),
    (["Learner: it was my birthday on sunday", "Tutor: Happy birthday! Did you get any presents?"],
     "thank you! um, my parents gave me a money for my birthday, not a present. is it right, a money?",
     "my parents gave me a money for my birthday", ["gave me money", "gave me some money", "some money", "gave me cash"]),
    ([], "Last night we watched a documentary about whales. The documentary was very interested. uh, is this sentence correct?",
     "The documentary was very interested", ["very interesting", "really interesting", "so interesting", "interesting"]),
    (["Learner: i feel like a zombie today", "Tutor: Oh no, why's that?"],
     "the neighbours had a party, so, ehm, I didn't can sleep last night. I didn't can, is correct?",
     "I didn't can sleep last night", ["couldn't sleep", "could not sleep", "wasn't able to sleep", "was not able to sleep", "didn't sleep", "couldn't get to sleep"]),
    ([], "I want that you come with me to the concert on Friday. um, I want that you, it's possible to say?",
     "I want that you come with me to the concert", ["want you to come", "would like you to come", "'d like you to come"]),
    (["Learner: i came home by bus today", "Tutor: How was the journey?"],
     "terrible. the bus was so much crowded, I was standing all the way. So much crowded, it's ok in English?",
     "the bus was so much crowded", ["so crowded", "very crowded", "really crowded", "extremely crowded", "so full", "very full", "really full", "packed"]),
    ([], "In my CV I wrote: I have three years in this company. Is it good or how I can say?",
     "I have three years in this company", ["have been in this company", "'ve been in this company", "have been at this company", "'ve been at this company", "have been with this company", "'ve been with this company", "have worked", "'ve worked", "have been working", "'ve been working", "for three years"]),
    (["Learner: my car broke down this morning"],
     "luckily my neighbour made me a big favour, he drove me to work. made me a favour, is right?",
     "my neighbour made me a big favour", ["did me a big favour", "did me a big favor", "did me a favour", "did me a favor", "helped me"]),
    ([], "uh, I lost the train this morning, so I was late. lost the train, it is correct?",
     "I lost the train this morning", ["missed the train", "missed my train"]),
    (["Learner: i have an appointment tomorrow", "Tutor: Oh, what kind of appointment?"],
     "I'm going to the doctor for check my blood. um, for check, this is ok?",
     "I'm going to the doctor for check my blood", ["to check my blood", "to have my blood checked", "to get my blood checked", "for a blood test", "to have a blood test", "to get a blood test", "to have my blood tested", "to get my blood tested"]),
    ([], "My husband returned back home very late yesterday, ehm, returned back, is it correct English?",
     "My husband returned back home very late", ["returned home", "came back home", "went back home", "came back", "got back", "came home", "got home"]),
    (["Learner: we moved last month", "Tutor: Oh, exciting! Do you like the new place?"],
     "yes, we are renting a flat which it has two balconies, very nice. is it correct the sentence?",
     "we are renting a flat which it has two balconies", ["which has two balconies", "that has two balconies", "with two balconies"]),
    ([], "Sorry, my voice is strange today, I have cold, I'm sneezing all the time. I have cold, is that right?",
     "I have cold", ["have a cold", "'ve got a cold", "have got a cold", "caught a cold", "'ve caught a cold", "have caught a cold"]),
    (["Learner: my son is afraid of the dark"],
     "every night he says, mummy, can you open the light please? Um, open the light, is it English?",
     "can you open the light please", ["turn on the light", "switch on the light", "turn the light on", "switch the light on", "put the light on", "turn on the lights", "switch on the lights", "turn the lights on"]),
    ([], "we had fun very much at the wedding on Saturday. uh, the order of the words is good?",
     "we had fun very much at the wedding", ["had a lot of fun", "had lots of fun", "had so much fun", "had great fun", "had a great time", "had a really good time", "had a good time", "really had fun", "really enjoyed"]),
]
# right ones, some of them twins of the wrong ones, some tricky but correct
RIGHT = [
    (["Learner: there was a big storm here", "Tutor: Oh no! Are you okay?"],
     "yes, but I couldn't sleep last night because of the thunder. Is it correct like this?",
     "I couldn't sleep last night because of the thunder"),
    ([], "I'll text you as soon as I get home. uh, as soon as I get, without will, it's right?",
     "I'll text you as soon as I get home"),
    (["Learner: we were at the beach until late"],
     "And we missed the last bus, so we took a taxi. um, missed the last bus, is good?",
     "we missed the last bus"),
    ([], "she did me a huge favour yesterday, is it correct or I need made?",
     "she did me a huge favour yesterday"),
    (["Learner: my cousin is visiting from canada", "Tutor: How nice! Have you met before?"],
     "no, so tomorrow I'll say to my boss, I'd like you to meet my cousin. this sentence is ok?",
     "I'd like you to meet my cousin"),
    ([], "The museum was closed, so we went to the beach instead. hmm, instead at the end, is it correct?",
     "The museum was closed, so we went to the beach instead"),
    (["Learner: the weather is crazy in my city"],
     "it has been snowing since Tuesday. Uh, is it correct English, has been snowing?",
     "it has been snowing since Tuesday"),
    ([], "We're going to England in July. um, I'm not used to driving on the left. driving with ing, is right?",
     "I'm not used to driving on the left"),
    (["Learner: i'm on a diet", "Tutor: Oh, how is it going?"],
     "good. My doctor says, the fewer sweets you eat, the better you feel. is this grammar correct? it sounds strange",
     "the fewer sweets you eat, the better you feel"),
    ([], "could you turn the music down a bit? I want to say this to my son. is it polite?",
     "could you turn the music down a bit"),
    (["Learner: me and my brother always fight about the kitchen"],
     "uh, he always asks, whose turn is it to wash the dishes? whose turn, correct?",
     "whose turn is it to wash the dishes"),
    ([], "It's the best pizza I've ever eaten, I want to write this on the review. It's correct?",
     "It's the best pizza I've ever eaten"),
    (["Learner: i have a maths exam tomorrow", "Tutor: Good luck! Do you feel ready?"],
     "not really. I wish I'd studied harder this year. is it ok, I'd studied?",
     "I wish I'd studied harder this year"),
    ([], "so, uh, my boss has asked me to organise the party. is it a good sentence?",
     "my boss has asked me to organise the party"),
]
# --- word forms: (thread after T, line, word, detail, answers)
FORMS = [
    (["Learner: i was in the garden and a bee came", "Tutor: Oh no! Are you okay?"],
     "it sting me, on the hand. uh, sting in the past, how is it?", "sting", "past", ["stung"]),
    ([], "Yesterday the ground shake, a small earthquake. What is past of shake?", "shake", "past", ["shook"]),
    (["Learner: i washed my favourite sweater"],
     "and it has... shrink, now it's very small. the past participle of shrink?", "shrink", "past participle", ["shrunk"]),
    ([], "um, the wind has blow all the leaves. how is blow in the third form?", "blow", "past participle", ["blown"]),
    (["Learner: we watched a film about animals in canada", "Tutor: Oh nice, which animals?"],
     "bears, and wolf, many wolf. uh, what is the plural of wolf?", "wolf", "plural", ["wolves"]),
    ([], "My mum has many cactus on the balcony, ehm, what's the plural of cactus, cactuses?", "cactus", "plural", ["cacti", "cactuses"]),
    ([], "our new street is more quiet than the old one. Hmm, the comparative of quiet, how do you say it?", "quiet", "comparative", ["quieter", "more quiet"]),
    (["Learner: my brother's room is a disaster", "Tutor: Haha, and yours?"],
     "mine is more tidy, of course. um, comparative of tidy, how is it?", "tidy", "comparative", ["tidier"]),
    (["Learner: we found a very old car at my grandfather's house"],
     "it was the most ugly car I ever saw, haha. what's the superlative of ugly?", "ugly", "superlative", ["ugliest"]),
    ([], "This is the most narrow street in the old town. uh, superlative of narrow, most narrow or?", "narrow", "superlative", ["narrowest", "most narrow"]),
    ([], "I think my plants are die, no, die-ing. how do you spell die with ing?", "die", "-ing", ["dying"]),
    (["Learner: i want to be more fit", "Tutor: Great! What will you do?"],
     "so I go jog in the park. Uh, jog with ing, is it one g or two?", "jog", "-ing", ["jogging"]),
]
# --- meanings: words, phrasal verbs, idioms; answers: words of a plain definition
MEANINGS = [
    (["Learner: i broke a glass again today", "Tutor: Oh dear! You're a bit clumsy, aren't you?"],
     "clumsy? sorry, what does clumsy mean?", "clumsy",
     ["drop", "drops", "dropping", "fall", "falls", "break", "breaks", "careless", "not careful", "awkward", "bump", "knock", "accident", "not graceful", "trip"]),
    ([], "I walked home in the rain and my friend said, you are soaked. What is soaked?", "soaked",
     ["very wet", "completely wet", "really wet", "totally wet", "wet through", "all wet", "drenched", "soaking"]),
    (["Learner: i didn't speak english for ten years"],
     "my teacher says my English is rusty. Uh, rusty, what is the meaning here?", "rusty",
     ["out of practice", "not practised", "not practiced", "haven't used", "not used", "didn't use", "forgot", "forgotten", "not as good", "worse", "weaker", "long time", "lost"]),
    ([], "the radio said it will be chilly tonight. um, chilly, like chili pepper?", "chilly",
     ["cold", "cool"]),
    (["Learner: i was in the supermarket this morning", "Tutor: Did you buy anything nice?"],
     "no, but I ran into my old teacher there. my friend says ran into, what does run into mean?", "run into",
     ["meet", "met", "by chance", "by accident", "unexpectedly", "without planning", "didn't plan", "didn't expect", "not planned", "bump into", "bumped into", "see", "saw"]),
    ([], "The email says they call off the match because of the snow. What means call off?", "call off",
     ["cancel", "cancelled", "canceled", "not happen", "won't happen", "isn't happening", "not going to happen", "stop"]),
    (["Learner: my internet doesn't work since monday"],
     "the company said they will sort out it this week. sort out, what is it exactly?", "sort out",
     ["solve", "fix", "deal with", "organise", "organize", "arrange", "resolve", "put right", "tidy", "handle"]),
    ([], "uh, in the story the man wanted to go to Rome but he ended up in Paris. end up, what is the meaning?", "end up",
     ["finally", "in the end", "at the end", "eventually", "final", "result", "without planning", "didn't plan", "not planned", "finish"]),
    (["Learner: i asked my boss for a pay rise", "Tutor: Good for you! What did he say?"],
     "he said, I gave you my offer, now the ball is in your court. What does it mean, the ball is in your court? We don't play tennis.", "the ball is in your court",
     ["your turn", "your decision", "you decide", "up to you", "your move", "your choice", "you have to", "you need to", "next step", "act", "respond", "answer"]),
    ([], "my husband was fixing the shelf and he said, come on, it's not rocket science. um, what is it, rocket science?", "it's not rocket science",
     ["easy", "simple", "not difficult", "not hard", "isn't difficult", "isn't hard", "not complicated", "not very difficult"]),
    (["Learner: i asked my brother to help me clean the house"],
     "and he laughed and said yes, when pigs fly. Hmm, when pigs fly, what does it mean?", "when pigs fly",
     ["never", "impossible", "won't happen", "not going to happen", "will not happen", "no chance", "never happen"]),
    ([], "The builders cut corners on our bathroom, my wife said. what does it mean, cut corners?", "cut corners",
     ["quick", "quickly", "cheap", "cheaply", "easy way", "easiest way", "shortcut", "short cut", "skip", "not properly", "not carefully", "badly", "save time", "save money", "less work", "lower quality", "poor quality"]),
]
# --- how to say: (thread after T, line, what is described, every word a person would accept)
HOW = [
    (["Learner: my trousers are too big now, i lost weight", "Tutor: Well done!"],
     "thanks. but I need the, um, the thing around here, leather, to hold the trousers. how is called?", "the strap you wear to hold your trousers up",
     ["belt"]),
    ([], "For school my son needs a new, uh, bag for the back, with two straps. What's the word?", "a bag with two straps you carry on your back",
     ["backpack", "rucksack", "back pack", "knapsack", "schoolbag", "school bag"]),
    (["Learner: i can't see the board at school very well"],
     "so I need to go to the, ehm, the doctor for glasses, for the eyes. How do you call this person?", "the person who tests your eyes for glasses",
     ["optician", "optometrist", "eye doctor", "ophthalmologist", "oculist"]),
    ([], "In the restaurant, the extra money for the waiter, when he was nice, how you say it in English?", "the extra money you give a waiter",
     ["tip", "tips", "gratuity", "service charge"]),
    (["Learner: my baby is eating her first yogurt", "Tutor: Oh, sweet! Is it messy?"],
     "very messy haha. we put a, um, small towel around her neck, for the food. what is the name?", "a cloth around a baby's neck when it eats",
     ["bib"]),
    ([], "the machine in the kitchen, you put the bread inside and it jumps out brown. How is called?", "the machine that makes bread brown",
     ["toaster"]),
    (["Learner: i sat on the floor for one hour with the kids", "Tutor: Oh, playing games?"],
     "yes, and now my leg is strange, like, many small needles. Uh, is there an expression?", "the feeling of small needles when your leg goes to sleep",
     ["pins and needles", "fell asleep", "gone to sleep", "went to sleep", "asleep", "numb", "tingling", "tingle"]),
    ([], "My jacket, the thing to close it, zzzip, up and down. what's the word for this?", "the thing that closes a jacket, up and down",
     ["zip", "zipper", "zip fastener"]),
    (["Learner: i didn't have breakfast today"],
     "and in the meeting my stomach made noise, very loud, everyone heard haha. what's the verb for this noise?", "the noise a hungry stomach makes",
     ["rumble", "rumbling", "rumbled", "growl", "growling", "growled", "grumble", "grumbling"]),
    ([], "hmm, I hit my leg on the table and now there is a blue mark on the skin. How is it called, this blue mark?", "a blue mark on the skin after you hit it",
     ["bruise", "bruises", "bruised"]),
]
# --- pronunciation: the stressed syllable's position (CMUdict's one primary
# stress), or what an answer about a silent letter or the syllables says
SAY = [
    (["Learner: i bought a new camera", "Tutor: Oh nice! Do you like taking pictures?"],
     "yes, photography is my hobby. uh, photography, where is the stress? pho-to-gra-phy?", "photography", ["second"]),
    ([], "We're looking for a new apartment. A-part-ment, the stress is on the first part?", "apartment", ["second"]),
    (["Learner: i'm doing an online quiz"],
     "the next category is sport. Category, which syllable is strong? I say ca-te-go-ry.", "category", ["first"]),
    ([], "um, the electricity bill is very high this month. electricity, where do I put the stress?", "electricity", ["third"]),
    (["Learner: i had a headache all day", "Tutor: Oh no, did you take anything?"],
     "I went to the pharmacy. Pharmacy, hmm, the stress is in the beginning or middle?", "pharmacy", ["first"]),
    ([], "So, um, next week I'm on holiday. Holiday, which part is stressed, the day?", "holiday", ["first"]),
    (["Learner: i'm learning the piano", "Tutor: Wonderful! Is your teacher good?"],
     "yes, she always says listen, listen. Uh, listen, I pronounce the t or no?", "listen",
     ["silent", "don't pronounce", "do not pronounce", "not pronounced", "without the t", "without t", "don't say the t"]),
    ([], "I hurt my wrist playing volleyball. wrist, the w at the start, I say it?", "wrist",
     ["silent", "don't pronounce", "do not pronounce", "not pronounced", "without the w", "without w", "don't say the w"]),
    (["Learner: i cut my finger in the kitchen"],
     "no wait, my thumb, not finger. Thumb, the b at the end, do I say it?", "thumb",
     ["silent", "don't pronounce", "do not pronounce", "not pronounced", "without the b", "without b", "don't say the b"]),
    ([], "I asked my teacher a question. Asked, how many syllables? ask-ed?", "asked",
     ["one syllable", "1 syllable", "single syllable", "just one", "only one"]),
    (["Learner: i make juice every morning", "Tutor: Yum! What kind?"],
     "orange juice. Uh, orange, how many syllables, o-ran-ge, three?", "orange",
     ["two syllables", "2 syllables"]),
    ([], "I want to travel around the world. world, hmm, is it one syllable or two, wor-ld?", "world",
     ["one syllable", "1 syllable", "single syllable", "just one", "only one"]),
]
# --- questions to the tutor: (thread after T, line, kind, content)
TQ = [
    (["Learner: i want to learn to cook, i can only make eggs", "Tutor: Haha, that's a start!"],
     "yeah. what's, um, a easy dish you recommend for a beginner?", "recommendation",
     ["pasta", "soup", "omelette", "omelet", "rice", "salad", "stir", "fry", "curry", "chicken", "vegetable", "sandwich", "egg", "potato", "bake", "simple", "easy", "recipe", "sauce", "pancake"]),
    (["Learner: i want to improve my listening", "Tutor: That's a good goal. How do you practise now?", "Learner: only with the textbook"],
     "So which podcast or series you can recommend me? not too difficult please", "recommendation",
     ["podcast", "series", "show", "film", "movie", "subtitle", "bbc", "news", "friends", "youtube", "audio", "listen", "episode", "slow", "easy", "learner", "radio", "netflix", "cartoon", "sitcom"]),
    (["Learner: i have a job interview on friday", "Tutor: Oh, good luck! How do you feel?", "Learner: very nervous"],
     "what should I do, uh, to be less nervous?", "advice",
     ["prepare", "practise", "practice", "breath", "breathe", "sleep", "relax", "question", "answer", "research", "company", "early", "confident", "calm", "smile", "water", "walk", "rehearse", "friend", "time"]),
    (["Learner: i can't sleep well, i wake up at three every night"],
     "hmm, you have some tip for sleep better?", "advice",
     ["phone", "screen", "coffee", "caffeine", "tea", "bed", "routine", "same time", "dark", "room", "exercise", "walk", "read", "relax", "light", "doctor", "alcohol", "late", "meal", "breath"]),
    (["Learner: my wife wants a dog but we live in a small flat", "Tutor: Ah, that can be tricky."],
     "Do you think, um, a small flat is ok for a dog? what is your opinion?", "opinion",
     ["dog", "small", "flat", "size", "walk", "breed", "space", "depend", "exercise", "park", "time", "outside", "apartment", "think", "big", "cat", "alone"]),
    ([], "Sam, can I ask you something? uh, where are you from? your accent is very clear", "about_tutor",
     ["from", "computer", "program", "app", "ai", "tutor", "nowhere", "don't", "can't", "not a person", "country", "live", "accent", "made", "internet"]),
]
# --- goodbyes, in the middle of three threads
MOVE = [T, "Learner: today we packed boxes all day", "Tutor: Oh, are you moving house?",
        "Learner: yes, on saturday, to a bigger flat", "Tutor: Exciting! Is it far from here?"]
DENTIST = ["Tutor: How was the dentist?", "Learner: not bad, only one small hole",
           "Tutor: Good! Did it hurt?"]
PARTY = ["Tutor: Are you ready for your daughter's party?", "Learner: almost, i made a big cake",
         "Tutor: Lovely! What kind of cake?", "Learner: strawberry, her favourite"]
BYE = [
    (MOVE, "No, only ten minutes. Oh, the man with the van is here, I have to go. Bye!"),
    (DENTIST, "a little bit. um, my face is still strange, I think I stop now. bye Sam"),
    (PARTY, "and, uh, oh the guests are arriving! sorry, I must go. see you"),
    (MOVE, "twenty minutes by car. Okay, I'm very tired, let's finish for today. Good night!"),
    (DENTIST, "No. Sorry Sam, my daughter needs the computer for homework, we talk tomorrow, bye bye"),
    (PARTY, "haha yes. ok, thank you for the lesson, I go to decorate now. Have a good day"),
    (MOVE, "not far. uh, my battery is almost dead, so, see you next week"),
    (DENTIST, "only a little. ehm, okay, that's enough for me today. Thanks, bye."),
]
# --- what Whisper gives for mumbles, fragments, noise and silence
UNCLEAR = ["Merci d'avoir regardé cette vidéo !", "(phone ringing)", "ご視聴ありがとうございました",
           "so the, the one with... no", "uh, wait, I- what I", "mm. okay so, the"]


def rows() -> list[dict]:
    return build_rows(globals(), 11001, "test10")


def write(path: Path = HERE / "test10.jsonl") -> None:
    write_rows(rows(), path)


if __name__ == "__main__":
    write()

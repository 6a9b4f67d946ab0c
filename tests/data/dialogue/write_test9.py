# ruff: noqa: E501 - one hand-written line of the set per source line
"""Writes test9.jsonl: a held-out split of 100 learner lines that are not news
(ids 10001-10100, ``"split": "test9"``), written blind on 2026-12-07 by a
session that had not seen the tutor's code, its docs or its output; only this
set's format (README.md, write_test8.py, test8.jsonl and the other splits'
lines, to keep the same row shape and to repeat none of their lines or
subjects, checked by a script). Never tune on it; run this only to change the
set.

The rows have test8.jsonl's shape: ``act``, ``kind``, ``subject``, ``detail``
where the act uses them, ``context``, ``learner``, ``expect``, ``id``,
``split``. The learner lines are what Whisper gives for A2-B1 speakers of many
first languages (Chinese, Spanish, Arabic, Russian, Hindi, Japanese,
Portuguese, Turkish, French, Korean, ...) talking to a voice tutor: lower case
or Whisper's capitals, fillers, false starts, broken question frames ("how is
called", "this sentence is ok?", "what mean X"), the question alone, after
some talk in the same turn, or before the sentence it asks about. About half
of the rows come after a short thread (one to three lines after the tutor's
opening). ``expect`` as in README.md: "is it correct?" rows with
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
    (["Learner: good! i feel very healthy now", "Tutor: That's great! What's your secret?"],
     "haha no secret. I go to the gym since January, uh, three times... is it correct English?",
     "I go to the gym since January", ["have been going", "'ve been going", "been going", "have gone to the gym", "'ve gone to the gym", "started going"]),
    ([], "Uh, I'm writing a recipe for my blog. This sentence is ok? You have to cook the rice during twenty minutes.",
     "You have to cook the rice during twenty minutes", ["for twenty minutes", "for 20 minutes"]),
    (["Learner: i went to the mall with my sister"],
     "Yes, and I bought a new jeans, very cheap. um, a new jeans, it's right?",
     "I bought a new jeans", ["bought new jeans", "some new jeans", "pair of jeans", "pair of new jeans"]),
    (["Learner: it's so hot here today", "Tutor: Oh really? How hot is it?"],
     "uh, it makes 35 degrees, I think. Can I say it makes?",
     "it makes 35 degrees", ["it's 35 degrees", "it is 35 degrees", "it's thirty-five", "it is thirty-five", "it's thirty five", "it is thirty five"]),
    ([], "Is this correct? The manager made us to stay late yesterday.",
     "The manager made us to stay late yesterday", ["made us stay", "we had to stay", "had us stay"]),
    (["Learner: tomorrow is my mother birthday"],
     "so I'm going to cook a cake for her, chocolate one. uh, cook a cake, is good english?",
     "I'm going to cook a cake for her", ["bake", "make a cake", "make her a cake"]),
    ([], "My son is fourteen and, you know, it's terrible, my son spends all day to play video games. hmm, spends all day to play, is it ok?",
     "my son spends all day to play video games", ["playing video games", "playing", "on video games"]),
    (["Learner: the kids were very loud in the class today", "Tutor: Oh dear. What happened?"],
     "The teacher said us to be quiet but, you know, they don't listen. is that right, said us?",
     "The teacher said us to be quiet", ["told us to", "asked us to", "told us", "asked us", "said we should", "said that we should", "said to be quiet"]),
    ([], "ehm, for my health, you know, I started swimming. I swim three times in the week. Correct or not correct?",
     "I swim three times in the week", ["three times a week", "3 times a week", "times a week", "times per week", "times every week", "times each week"]),
    (["Learner: we're at the airport now", "Tutor: Oh, where are you going?", "Learner: to bali, with my husband"],
     "and we have too many luggages, haha. um is it correct, too many luggages?",
     "we have too many luggages", ["too much luggage", "a lot of luggage", "lots of luggage", "much luggage", "too many bags", "too many suitcases"]),
    ([], "I have big news, my wife is embarrassed! we will have a baby in May. Uh, is it the right word?",
     "my wife is embarrassed", ["pregnant", "expecting"]),
    (["Learner: i was very busy last week"],
     "last week I assisted to a conference in Madrid, for work. is it good English, assisted to?",
     "last week I assisted to a conference in Madrid", ["attended", "went to a conference", "went to the conference", "was at a conference"]),
    ([], "um so how I say... I drink every morning coffee. the order is correct?",
     "I drink every morning coffee", ["drink coffee every morning", "have coffee every morning", "coffee every morning", "every morning i drink coffee", "every morning i have coffee"]),
    (["Learner: i was late to work today", "Tutor: Oh no, why?"],
     "because today I saw accident on the highway, a big one. uh, I saw accident, is right?",
     "today I saw accident on the highway", ["saw an accident", "an accident", "a car accident", "a crash"]),
    ([], "Can I say like this: my son has broken his arm last Saturday? He was playing football.",
     "my son has broken his arm last Saturday", ["broke his arm"]),
    (["Learner: not so good, i feel bad today"],
     "I want to tell my boss why I'm not at work. is it correct, I am having a headache since the morning?",
     "I am having a headache since the morning", ["have had a headache", "'ve had a headache", "have had", "'ve had", "been having"]),
    ([], "On Sunday I went to shopping with my mother. Can I say went to shopping?",
     "I went to shopping with my mother", ["went shopping"]),
    (["Learner: we want to go to the park tomorrow", "Tutor: Sounds nice! Will the weather be good?"],
     "No, I saw on the phone, the weather will be rain tomorrow. is it right english or no?",
     "the weather will be rain tomorrow", ["it will rain", "it'll rain", "it's going to rain", "it is going to rain", "will be rainy", "going to be rainy", "there will be rain", "be rainy"]),
    ([], "the... the correct way, my son did a mistake in his homework, it's correct or no?",
     "my son did a mistake in his homework", ["made a mistake", "make a mistake", "made"]),
    (["Learner: my nephew is very clever", "Tutor: Oh? How old is he?"],
     "he's twelve. He is the more intelligent student in the class. hmm, the more intelligent, this is correct?",
     "He is the more intelligent student in the class", ["the most intelligent", "most intelligent", "the cleverest", "the smartest", "the brightest"]),
]
# right ones, some of them twins of the wrong ones, some tricky but correct
RIGHT = [
    ([], "I've been going to the gym since January. um, is it correct like this?",
     "I've been going to the gym since January"),
    (["Learner: i wrote an email to my boss this morning", "Tutor: Oh, what about?"],
     "about the holidays. But I made a mistake in the email, the date was wrong. made a mistake, is that correct?",
     "I made a mistake in the email"),
    ([], "we went shopping for shoes on Saturday, uh, this sentence is ok?",
     "we went shopping for shoes on Saturday"),
    (["Learner: my football coach is very strict"],
     "Yes. Yesterday my coach made us run ten laps. Is it right, made us run, without to?",
     "my coach made us run ten laps"),
    ([], "hmm, there isn't much traffic today, is it correct english, much traffic?",
     "there isn't much traffic today"),
    (["Learner: my aunt works in a hospital", "Tutor: Oh, what does she do there?"],
     "She's a nurse. And uh, can I say, she's been a nurse for ten years?",
     "she's been a nurse for ten years"),
    ([], "We wanted to go to the lake but, um, it's too cold to go swimming today. is this a good sentence?",
     "it's too cold to go swimming today"),
    (["Learner: my wife says i spend too much", "Tutor: Haha, on what?"],
     "I spend too much money on clothes, haha. Spend money on, the preposition is right?",
     "I spend too much money on clothes"),
    ([], "Oh, my phone needs charging. Um, can I say needs charging? It sounds strange.",
     "my phone needs charging"),
    (["Learner: my laptop is very old"],
     "I bought it when I started university. How do I say, I have had this laptop for six years? have had, two times have, is correct?",
     "I have had this laptop for six years"),
    ([], "so, uh, neither my brother nor I can cook. Is that correct grammar, neither nor?",
     "neither my brother nor I can cook"),
    (["Learner: not good, i'm ill", "Tutor: Oh no, what's wrong?"],
     "um, I've got a sore throat and a runny nose. is it correct english?",
     "I've got a sore throat and a runny nose"),
    ([], "is it ok this sentence? the train was cancelled because of the snow",
     "the train was cancelled because of the snow"),
    (["Learner: i met an old woman on the bus today"],
     "she asked me where I lived. uh, where I lived, not where do I live, it's right?",
     "she asked me where I lived"),
]
# --- word forms: (thread after T, line, word, detail, answers)
FORMS = [
    (["Learner: it was very cold last night", "Tutor: Brr! How cold was it?"],
     "very cold, the lake in the park... freeze? what is the past of freeze?", "freeze", "past", ["froze"]),
    ([], "my friend lend me his car yesterday, uh no, lend in the past, how is it?", "lend", "past", ["lent"]),
    (["Learner: my son is fourteen now"],
     "He has... grow a lot this year. the past participle of grow, please?", "grow", "past participle", ["grown"]),
    ([], "Um, I have... tear my jacket on the door, how you say, the third form of tear?", "tear", "past participle", ["torn"]),
    (["Learner: i go to the bakery every morning", "Tutor: Mmm, what do you buy?"],
     "two loaf of bread... loafs? uh, what's the plural of loaf?", "loaf", "plural", ["loaves"]),
    ([], "in the farm we saw many goose. the plural of goose, is it gooses?", "goose", "plural", ["geese"]),
    ([], "I eat more salad now, I want to be more healthy. Or how is the comparative of healthy?", "healthy", "comparative", ["healthier"]),
    (["Learner: it rained all week", "Tutor: Oh no! Was it worse than last week?"],
     "yes this week was more wet. hmm, the comparative of wet, how is it?", "wet", "comparative", ["wetter"]),
    (["Learner: my cat sleeps all day"],
     "he is the most lazy cat in the world, haha. superlative of lazy, how to say?", "lazy", "superlative", ["laziest"]),
    ([], "People in my village are the most friendly... or friendliest? What is the superlative of friendly?", "friendly", "superlative", ["friendliest", "most friendly"]),
    ([], "um, I'm planing my son's party. wait, when I write plan with ing, the n is double?", "plan", "-ing", ["planning"]),
    (["Learner: my little girl is five", "Tutor: Lovely age! Can she tie her shoes?"],
     "she is learning. Uh, tie when I add ing, is it t-i-e-i-n-g or with y?", "tie", "-ing", ["tying"]),
]
# --- meanings: words, phrasal verbs, idioms; answers: words of a plain definition
MEANINGS = [
    (["Learner: my son doesn't eat vegetables, only pasta", "Tutor: Ah, he sounds like a picky eater."],
     "sorry, picky eater? I don't know this word, picky.", "picky",
     ["fussy", "choosy", "selective", "particular", "difficult", "only eat", "only eats", "only like", "only likes", "not like many", "doesn't like many", "don't like many", "not many"]),
    ([], "The weather app says drizzle this afternoon. What mean drizzle?", "drizzle",
     ["light rain", "rain lightly", "raining lightly", "little rain", "bit of rain", "rains a little", "raining a little", "rain a little", "fine rain", "gentle rain", "soft rain", "small drops", "tiny drops", "not heavy"]),
    (["Learner: we had a big dinner yesterday"],
     "and today we eat the leftovers, my husband said. Leftovers, what is the meaning of this?", "leftovers",
     ["left", "remain", "not eaten", "didn't eat", "did not eat", "didn't finish", "extra food", "rest of the food", "food from"]),
    ([], "uh, I was cutting tomatoes and my friend said this knife is blunt. Blunt, what is it?", "blunt",
     ["not sharp", "isn't sharp", "dull", "can't cut", "cannot cut", "doesn't cut", "does not cut"]),
    (["Learner: my doctor checked my blood", "Tutor: Oh, is everything okay?"],
     "mostly. but she said I need to cut down on sugar. cut down on, what does it mean exactly?", "cut down on",
     ["less", "reduce", "smaller amount", "not so much", "not as much", "fewer", "lower"]),
    ([], "In the travel book it says we set off at six a.m. So what means set off?", "set off",
     ["leave", "left", "start", "begin", "depart", "on the way", "on your way"]),
    (["Learner: my colleague is not at work today"],
     "the boss said she came down with something. um, came down with, what is this?", "came down with",
     ["catch", "caught", "get ill", "got ill", "get sick", "got sick", "getting ill", "getting sick", "become ill", "became ill", "become sick", "became sick", "fall ill", "fell ill", "start", "began", "illness"]),
    ([], "my tennis coach always says warm up first. Hmm, warm up, what is the meaning? Like hot?", "warm up",
     ["prepare", "get ready", "getting ready", "gentle", "light exercise", "easy exercise", "stretch", "muscles", "before"]),
    (["Learner: i wanted to go running this morning", "Tutor: Did you go?"],
     "No, my neighbour said it's raining cats and dogs. What does it mean? There are no cats, haha.", "raining cats and dogs",
     ["very heavy", "heavily", "a lot", "very hard", "really hard", "heavy rain", "very much", "pouring", "strong rain"]),
    ([], "Uh, my roommate said tonight she has to hit the books. hit the books, she is angry with the books?", "hit the books",
     ["study", "studying", "revise", "revising", "learn", "homework", "exam"]),
    (["Learner: i'm going to the shop for five minutes"],
     "and I told my daughter to keep an eye on her little brother. um, I say it correct? what is keep an eye on exactly?", "keep an eye on",
     ["watch", "look after", "looking after", "check", "take care", "care of", "supervise", "mind", "attention"]),
    (["Learner: my boss asked me to work on sunday again", "Tutor: Oh no, again?"],
     "Yes, and my colleague said this is the last straw. what is the meaning, the last straw?", "the last straw",
     ["final", "last problem", "one more", "one too many", "too much", "enough", "can't take", "can't stand", "can't accept", "limit", "no more"]),
]
# --- how to say: (thread after T, line, what is described, every word a person would accept)
HOW = [
    (["Learner: i want to make soup with beans from a tin"],
     "but I need the, um, the thing for open the tin. how is called?", "the thing to open a tin",
     ["can opener", "tin opener", "can-opener", "tin-opener"]),
    ([], "The man in the shop who cuts the meat, chicken, beef... what's his name, the job?", "the man in a shop who cuts and sells meat",
     ["butcher"]),
    (["Learner: i have no cash, only my card", "Tutor: Oh, do you need cash?"],
     "yes for the taxi. Where is, um, the machine in the street for take money... how you say it?", "the machine in the street where you take money out",
     ["cash machine", "atm", "cashpoint", "cash point", "bank machine", "cash dispenser"]),
    ([], "when you cut the onion in very very small pieces, like this, tak tak tak, what is the verb?", "cutting an onion into very small pieces",
     ["chop", "chopping", "finely chop", "dice", "dicing", "mince", "mincing"]),
    (["Learner: my baby has a fever", "Tutor: Oh no, I hope she feels better soon."],
     "thank you. Tomorrow we go to the doctor for children. Uh, is there one word for this doctor?", "a doctor for children",
     ["paediatrician", "pediatrician", "children's doctor", "kids' doctor", "child specialist"]),
    ([], "For the swimming pool I need, um, the glasses for the water, for the eyes. How do you call them?", "glasses for the eyes when swimming",
     ["goggles", "swimming goggles", "swim goggles"]),
    (["Learner: i was late for school today", "Tutor: Oh, what happened?"],
     "my alarm rang but I sleep more and more, too long. Is there a word, for sleep too long?", "sleeping too long in the morning by mistake",
     ["oversleep", "overslept", "oversleeping", "sleep in", "slept in", "sleep late", "slept late"]),
    ([], "The husband of my daughter, what is he for me? I forget the word.", "the husband of my daughter",
     ["son-in-law", "son in law"]),
    (["Learner: the weather was crazy today"],
     "it was raining but the rain was like small white balls of ice, falling on the car. what is the name of this?", "small balls of ice falling from the sky",
     ["hail", "hailstones", "hailstone", "hailing", "hailstorm"]),
    ([], "Uh, when you make a picture of the phone screen, with two buttons, how is it called in English?", "a picture of what is on a phone's screen",
     ["screenshot", "screen shot", "screen-shot", "screen capture", "screengrab", "screen grab"]),
]
# --- pronunciation: the stressed syllable's position (CMUdict's one primary
# stress), or what an answer about a silent letter or the syllables says
SAY = [
    ([], "technology, where is the stress? I say tech-nology, is it right?", "technology", ["second"]),
    (["Learner: my sister doesn't eat meat", "Tutor: Oh, is she a vegetarian?"],
     "yes. um, vegetarian, how I say this correctly? which part is strong?", "vegetarian", ["third"]),
    ([], "Someone stole my bike so I called the police, po-lice. Uh, the stress is on the first part?", "police", ["second"]),
    (["Learner: i had a cold last week", "Tutor: Oh no! Are you better now?"],
     "Yes, the medicine helped. But how do you say medicine, where is the stress? me-di-cine?", "medicine", ["first"]),
    ([], "We visited a museum in Seoul. mu-se-um, which syllable has the stress?", "museum", ["second"]),
    (["Learner: my brother finished university, he works in a big company now"],
     "He is an engineer. um, engineer, where do I put the stress, at the beginning?", "engineer", ["third"]),
    (["Learner: i fell when i was running", "Tutor: Ouch! Did you hurt yourself?"],
     "my knee, a little bit. Uh, knee, I say k-nee, with the k, is it right?", "knee",
     ["silent", "don't pronounce", "do not pronounce", "not pronounced", "without the k", "without k", "don't say the k"]),
    ([], "In the shop they give me a receipt. How to pronounce receipt, the p I say it or not?", "receipt",
     ["silent", "don't pronounce", "do not pronounce", "not pronounced", "without the p", "without p", "don't say the p"]),
    (["Learner: on sunday we go to the mountains"],
     "we want to climb. Uh, climb, the b at the end, I pronounce it?", "climb",
     ["silent", "don't pronounce", "do not pronounce", "not pronounced", "without the b", "without b", "don't say the b"]),
    ([], "I finished my homework. um, finished, how many syllables, fi-ni-shed?", "finished",
     ["two syllables", "2 syllables", "t sound", "like a t", "like t"]),
    (["Learner: i try to eat healthy", "Tutor: Good for you! What do you eat?"],
     "a lot of fruit. Fruit, is it one syllable or two, fru-it?", "fruit",
     ["one syllable", "1 syllable", "single syllable", "just one", "only one"]),
    ([], "At the post office there was a long queue. Queue, how many syllables? the letters are so many.", "queue",
     ["one syllable", "1 syllable", "single syllable", "like the letter q", "like q", "same as q", "like cue"]),
]
# --- questions to the tutor: (thread after T, line, kind, content)
TQ = [
    (["Learner: i want to start a new hobby, something with my hands", "Tutor: Oh nice! Do you have any ideas?"],
     "not really. what do you suggest me, uh, something not expensive?", "recommendation",
     ["paint", "draw", "knit", "sew", "pottery", "clay", "cook", "bake", "garden", "wood", "craft", "origami", "guitar", "instrument", "jewel", "sculpt", "photo", "model", "puzzle", "crochet"]),
    (["Learner: in august we go to a beach in portugal", "Tutor: Lovely! For how long?", "Learner: two weeks, with the kids"],
     "So um what things you recommend to take with us?", "recommendation",
     ["sunscreen", "sun cream", "suncream", "hat", "sunglasses", "swim", "towel", "water", "shorts", "sandal", "light", "clothes", "jacket", "charger", "book", "passport", "cream", "toy", "game", "snack"]),
    (["Learner: my back hurts after work, i sit all day at the computer", "Tutor: Oh, that's not nice."],
     "yeah. so what can I do, um, for my back?", "advice",
     ["stretch", "walk", "break", "stand", "chair", "posture", "exercise", "yoga", "doctor", "physio", "move", "desk", "screen", "sit", "pillow", "cushion", "swim", "massage"]),
    (["Learner: my daughter doesn't want to read books, only the phone"],
     "How I can make her like reading? you have some idea?", "advice",
     ["book", "read", "together", "comic", "library", "choose", "interest", "phone", "screen", "time", "story", "example", "magazine", "fun", "audiobook", "bedtime", "reward"]),
    (["Learner: my son wants a smartphone, he is nine", "Tutor: Ah, that's a big decision.", "Learner: yes, everybody in his class has one"],
     "what do you think, uh, nine is too young or no?", "opinion",
     ["young", "age", "nine", "phone", "smartphone", "depend", "rule", "limit", "safe", "time", "parent", "control", "decide", "older", "think", "screen"]),
    ([], "before we start, Sam, do you have a favourite food? haha", "about_tutor",
     ["food", "eat", "taste", "favourite", "favorite", "computer", "program", "app", "can't", "cannot", "don't", "tutor", "ai", "pizza", "like"]),
]
# --- goodbyes, in the middle of three threads
GARDEN = [T, "Learner: i worked in my garden all morning", "Tutor: Lovely! What are you growing?",
          "Learner: tomatoes and some flowers", "Tutor: Nice. Do you grow vegetables every year?"]
MATCH = ["Tutor: Did you watch the match last night?", "Learner: yes! my team won two nil",
         "Tutor: Congratulations! Who scored?"]
CLASS = ["Tutor: How was your cooking class?", "Learner: very good, we made fresh pasta",
         "Tutor: Wow! Was it difficult?", "Learner: a little bit, my pasta was too thick haha"]
BYE = [
    (GARDEN, "Every year, yes. Oh, it's starting to rain, I must take in the washing. Bye Sam!"),
    (MATCH, "um, the new player, I forget his name. Sorry, my bus is here, I have to go, bye"),
    (CLASS, "my head is full now haha, I think we stop here. bye bye"),
    (GARDEN, "yes, but my husband is calling me for lunch now. talk tomorrow, ok? bye"),
    (MATCH, "Uh, the captain. Okay, I need to go to work now. See you later, Sam."),
    (CLASS, "ok, that was really useful, thank you Sam. Have a nice evening!"),
    (GARDEN, "um, oh, it's three o'clock, my son finishes school now. see you on Thursday"),
    (MATCH, "Wait, my boss is calling me. Sorry, I'll talk to you another time. Bye."),
]
# --- what Whisper gives for mumbles, fragments, noise and silence
UNCLEAR = ["Sous-titres réalisés par la communauté d'Amara.org", "(upbeat music)", "Продолжение следует...",
           "because the, the... uh, I don't", "hm, sorry, the- the er", "and my, uh. Mm."]


def rows() -> list[dict]:
    return build_rows(globals(), 10001, "test9")


def write(path: Path = HERE / "test9.jsonl") -> None:
    write_rows(rows(), path)


if __name__ == "__main__":
    write()

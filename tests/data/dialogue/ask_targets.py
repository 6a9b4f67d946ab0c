"""The strict check's targets for the follow-up question after news (issue 24).

Written by hand for every news line of both splits, from the learner's line
alone (never from a question a model asked): what a person would naturally
ask next. For "my car broke down on the highway": what happened then, how
they got home, whether it is fixed, whether they were all right; not "What
kind of car?". Run this file to write the targets into dev.jsonl and
test.jsonl (it only adds or replaces the two keys in each news line's
``expect``):

- ``ask_about``: entries, one of which the question must match. An entry is
  alternatives separated by ``|``, each words that must start at a word of
  the question ("happen" counts for "happened", "get home" for "get
  home"); ``+`` joins such parts that must all be there ("how + she|her").
- ``not_this``: regular expressions the question must not match: what was
  said already ("how long" after "since two days"), the name or kind of the
  thing that broke or happened, the present tense about someone who died.

The rule that reads them (app/devtools/ask_check.py) also refuses, for every
line, "What do you call ...", "What do you mean?", a bare "What is your X?"
and the evaluation's template questions. It is not the gate the reply passed
(app.tutor.dialogue.about) and shares nothing with it.
"""

import json
from pathlib import Path

TARGETS = {
    # ---- dev
    136: (["how was + work|job", "what do you do|what is your job|where do you work",
           "tired|busy|long day|hard", "home"], [r"how was your day", r"last day"]),
    137: (["grand|her|she + was|did|miss|remember|ask|close|talk|like|love",
           "sorry|miss|remember"],
          [r"\b(does|is) (your )?grand", r"how is (she|your grand)", r"where does", r"how old is"]),
    142: (["better|doctor|fever|medicine|wrong|temperature|hospital", "how + daughter|she|her",
           "feel|sick|ill"],
          [r"how old", r"what kind of", r"how long", r"what is your daughter"]),
    143: (["eat|food|bring|brought|cook", "weather|sun|warm|rain", "which park|what park",
           "fun|enjoy|good time|nice", "play|game|who"], [r"where did you", r"what kind of park"]),
    146: (["like|enjoy|love|taste|good", "recipe|learn|make|made|cook", "eat|dinner"],
          [r"what did you cook", r"what kind of lasagna", r"who did you cook"]),
    147: (["what did you do|what are you doing|what do you do + home|rain|day|inside",
           "read|watch|film|movie|book|tv|cook|game|play",
           "bored|relax|enjoy|cosy|cozy"], [r"\bwhere\b", r"how long"]),
    148: (["film|movie|title|called|name", "about", "who|where|cinema|home", "actor|recommend|like|"
           "enjoy|favourite|favorite|best"], [r"\bwhen\b", r"how old", r"did you watch"]),
    150: (["medicine|pill|tablet|painkiller|aspirin|doctor", "water|drink|rest|sleep|lie",
           "better|feel", "why|cause|stress|screen|often"],
          [r"how long", r"what kind of headache", r"when did"]),
    151: (["what did you do", "enjoy|fun|nice|good time|like", "far|where|how long|stay|drive|"
           "train|bus|get there", "how are|how is|how were + parents|mother|father|they"],
          [r"who did you visit", r"\bwhen\b", r"what kind of village"]),
    153: (["name|called", "healthy|health|well|sleep|vet", "long|since|get|got|had her|have her",
           "like|love|play|do|eat"], [r"how old", r"is (your cat|she) old"]),
    154: (["where|which|area|city|part|neighbourhood|neighborhood|near|far",
           "why|bigger|big|room|bedroom|garden|balcony", "help|pack|box|ready|excited|like|"
           "look forward|miss"], [r"\bwhen\b", r"what kind of flat"]),
    156: (["talk|spoke|speak|told|tell|ask|complain|landlord|police", "sleep",
           "noise|what do they|doing|music|party|dog|why|loud", "how long"],
          [r"what kind of neighbou?r", r"who is your neighbou?r"]),
    158: (["work|boss", "how late|how long|wait|minutes", "why|what happen|reason",
           "often|always|usually", "bus|car|drive|bike|another"],
          [r"what kind of train", r"what is the train", r"which train"]),
    163: (["name|called", "crazy|do they|play|run|bark|walk|jump", "breed|kind of dog",
           "old|how long|get|got"], [r"how many", r"do you have"]),
    164: (["where|which|city|cities|part|beach|madrid|barcelona|visit|see|go|plan",
           "who|with", "fly|plane|car|drive|train", "excited|look forward|first time|been"],
          [r"how long", r"when will you go"]),
    165: (["what happen|why|about|wrong|what did|say|said", "ok|okay|feel|angry|upset|sad|better",
           "now|talk|sorry|again|fine|still"], [r"what kind of boss", r"who is your boss"]),
    167: (["read|book|author|writer|story|stories|novel", "forest|walk|wood|nature"],
          [r"what do you like to do", r"what kind of forest"]),
    169: (["how is + mother|she", "how long|stay", "plan|what will you do|show|cook|go",
           "where|far|live|come from|travel|fly|train",
           "excited|happy|look forward|miss|last|often"],
          [r"\bwhen (is|will|does)\b", r"who is coming"]),
    1001: (["like|enjoy|love|how is|going|first|new", "bake|make|bread|cake|sell",
            "early|hours|get up|morning", "colleague|boss|people|team"],
           [r"when did you start", r"what kind of bakery"]),
    1002: (["who|which band|singer|band|music|play", "how was|good|enjoy|like|fun|best",
            "where"], [r"\bwhen\b", r"who did you go"]),
    1003: (["fix|repair|new|buy|bought|screen|crack|work|still|insur"],
           [r"what kind of phone", r"what phone", r"how old", r"\bwhere\b", r"what happened"]),
    1004: (["score|goal|how many", "play", "who|against|opponent", "celebrat|next|watch|happy|"
            "final|league|win|won"], [r"what kind of (team|match)", r"what is the match"]),
    1005: (["nervous|ready|excited|worried|scared|confident|feel", "lesson|practi|teacher|"
            "instructor|how often|how long", "hard|easy|difficult|like|enjoy", "car"],
           [r"\bwhen\b", r"what kind of test"]),
    1006: (["like|enjoy|happy|excited|nervous|feel|friend|teacher|class", "old|age",
            "which school|what school|where|near|far"], [r"\bwhen\b", r"what kind of school"]),
    1007: (["else|other|vegetable|flower|grow|plant", "big|garden", "ready|eat|pick|harvest|cook|"
            "salad", "water|sun|first|how many|often|seed"],
           [r"what kind of garden", r"what did you plant"]),
    1008: (["swim|water|sea", "what did you do|do instead|stay|how did you get", "which beach|where|what beach",
            "weather|wind|rain|sun|warm", "go back|again|next"], [r"was it cold"]),
    1009: (["why|happen|kept|keep|noise|worr|stress|wake|woke", "usually|often|hours|how long|bed|"
            "late", "rest|nap|coffee|tonight|better|early|tea"],
           [r"are you tired", r"did you sleep"]),
    1010: (["subject|what do you teach|grade|class|age|how old|how many|student|pupil|children|"
            "kids", "like|enjoy|love|how long|favourite|favorite|hard|difficult"],
           [r"what do you do", r"are you a teacher", r"kind of teacher"]),
    1011: (["where|which|city|cities|rome|venice|florence|milan|naples|see|visit|go",
            "food|eat|pizza|pasta", "favourite|favorite|best|like|enjoy|love", "weather|beach|sea|"
            "hot"], [r"how long", r"\bwhen\b", r"how many days"]),
    1012: (["wedding|where|ceremony|party|dress|speech|go|invit|big", "who|partner|husband|wife|"
            "marry|man|woman|meet|met|fianc", "excited|happy|help|gift|present|ready"],
           [r"\bwhen\b"]),
    1013: (["like|love|enjoy|taste|good", "old|party|celebrat|gift|present", "recipe|learn|hard|"
            "long|make|made|first|often"], [r"what kind of cake", r"what cake"]),
    1014: (["fix|repair|landlord|call|someone|plumber|engineer|owner|tell|told",
            "cold|warm|heater|blanket|manage|sleep"],
           [r"what kind of heating", r"\bwhen\b", r"how long"]),
    1015: (["like|enjoy|interest|good|learn|favourite|favorite|best|why|finish",
            "author|who wrote|writer|called|title|name", "been|visit|travel|go|went"],
           [r"what (is|'s) the book about", r"what kind of book", r"what are you reading"]),
    # ---- test
    135: (["happen|what did you do|get home|get there|call|help|tow|fix|repair|mechanic|garage|ok|"
           "okay|alright|safe|hurt|wait|how long|now"],
          [r"what kind of car", r"what car", r"how old is", r"\bwhere\b"]),
    138: (["swim|water|boat|fish|walk|picnic|what did you do", "nice|enjoy|fun|relax|like|weather|sun|"
           "good time", "which lake|what lake|far|near|often|how long|drive"],
          [r"\bwho\b", r"\bwhen\b"]),
    139: (["find|found|get them|back|lost property|office|driver|company|call|ask",
           "home|house|door|get in|spare|inside"],
          [r"what kind of key", r"where did you lose"]),
    140: (["why|happen|what did he|what did you|say|said|angry|reason",
           "ok|okay|feel|upset|scared|afraid|hurt|alright"],
          [r"what kind of shop", r"which shop", r"\bwho\b"]),
    141: (["like|enjoy|how is|going|first|week|new", "what do you do|job|work|colleague|boss|"
           "people|where"], [r"when did you start"]),
    144: (["rest|relax|sleep|weekend|holiday|break|plan|tonight",
           "why|busy|project|deadline|happen|boss|overtime|extra|hours|every|job|what do you do"],
          [r"are you tired"]),
    145: (["wedding|where|ceremony|party|speech|go|invit|big", "who|wife|husband|bride|partner|"
           "marry|meet|met|girlfriend|her|fianc", "excited|happy|help|gift|present|ready"],
          [r"\bwhen\b"]),
    149: (["car|drive|driving|first|where", "happy|proud|celebrat|excited|feel",
           "how many|try|attempt|hard|easy|lesson|how long"],
          [r"\bwhen\b", r"what kind of test"]),
    152: (["why|plan", "lesson|teacher|teach|learn|online|video|class", "music|song|play|band|listen|"
           "favourite|favorite", "buy|have|own"], []),
    155: (["where|walk|home|work|go|going", "cold|ill|sick|change|dry|clothes|okay|ok|hot",
           "rain|far|long|bus"],
          [r"what kind of umbrella", r"where is your umbrella"]),
    157: (["far|how long|minutes|km|kilomet|distance|ride|cycl", "like|enjoy|fast|colour|color|electric|"
           "cost|price|safe|traffic|road|weather|rain|kind of bike", "before|car|bus|train"], []),
    159: (["how did|how were|how was|go|went|result|pass|grade|mark", "celebrat|plan|next|now|"
           "holiday|relax|rest", "subject|study|studying|university|school|hard|difficult|easy|"
           "feel|relieved|happy"], [r"what kind of exam"]),
    160: (["where|pool|sea|lake|beach|river", "old|age|how many", "swim|like|enjoy|good|fun|"
           "often|every|learn"], [r"what kind of kid", r"\bwho\b"]),
    161: (["called|name", "now|move|leave|left|why|here|miss|go back|visit", "like|life|people|"
           "beach|food|weather|big|many|famous|far"],
          [r"where are you from", r"hometown", r"which country"]),
    162: (["like|enjoy|love|long|year", "shift|night|hour|department|ward|patient|busy|hard|"
           "difficult|tired", "which hospital|where|far"],
          [r"what do you do", r"what is your job"]),
    166: (["why|busy|work|doing|day", "hungry|dinner|tonight|later|cook|eat"],
          [r"kind of sandwich", r"what sandwich", r"what did you eat"]),
    168: (["where|which|what mountain|called|name", "climb|hike|walk|ski|top", "favourite|"
           "favorite|best|part|like|enjoy|see|else|weather|view|photo|picture|stay|with"],
          [r"how was your trip"]),
}


def write(folder: Path = Path(__file__).parent) -> None:
    for split in ("dev", "test"):
        path = folder / f"{split}.jsonl"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
        for row in rows:
            if row["act"] == "news":
                about, never = TARGETS[row["id"]]
                row["expect"]["ask_about"], row["expect"]["not_this"] = about, never
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                        encoding="utf-8")


if __name__ == "__main__":
    write()

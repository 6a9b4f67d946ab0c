"""Answers to language questions from their sources (WordNet, lemminflect,
CMUdict), and the replies by act through a Conversation on a scripted chat.

Loads lemminflect's and CMUdict's tables (seconds on 2 busy cores), hence the
model tier. The words here are written for these tests; the dialogue
evaluation set (tests/data/dialogue) is not used.
"""

import json

import pytest

from app.tutor import answers, dictionary
from app.tutor.acts import Act, ActResult, LanguageKind
from app.tutor.conversation import Conversation
from tests.fakes import FakeChat

pytestmark = pytest.mark.model  # loads lemminflect's and CMUdict's tables
def test_wordnet_finds_a_word_by_any_of_its_forms_and_knows_no_made_up_word():
    assert dictionary.available()
    assert dictionary.senses("children")[0].lemma == "child"
    assert "pipes" in dictionary.senses("plumber")[0].gloss
    assert dictionary.senses("look for")  # a phrasal verb
    assert dictionary.senses("blorfist") == []


@pytest.mark.parametrize("word, detail, form", [
    ("go", "past", "went"), ("buy", "past tense", "bought"), ("child", "plural", "children"),
    ("good", "comparative", "better"), ("eat", "past participle", "eaten"),
    ("big", "superlative", "biggest"), ("swim", "ing form", "swimming"),
    # lemminflect adds -er/-est to any adjective: long ones take more/most
    ("beautiful", "superlative", "most beautiful"), ("expensive", "comparative", "more expensive"),
    ("careful", "comparative", "more careful"), ("tired", "superlative", "most tired"),
    ("happy", "comparative", "happier"), ("simple", "superlative", "simplest"),
    ("quiet", "comparative", "quieter"), ("bad", "superlative", "worst"),
])
def test_word_forms_come_from_lemminflect(word, detail, form):
    found = answers.word_form(word, detail)
    assert f"'{form}'" in found.text and found.sure


@pytest.mark.parametrize("word, detail, form", [
    ("decide", "noun", "decision"), ("explain", "noun", "explanation"),
    ("danger", "adjective", "dangerous"), ("careful", "adverb", "carefully"),
    ("happy", "adverb", "happily"), ("gentle", "adverb", "gently"), ("good", "adverb", "well"),
    ("strong", "noun", "strength"), ("employ", "noun", "employment"),
    ("arrive", "noun", "arrival"), ("decision", "verb", "decide"), ("short", "verb", "shorten"),
])
def test_another_word_of_the_family_comes_from_wordnets_links(word, detail, form):
    found = answers.word_form(word, detail)
    assert found.text.startswith(f"The {detail} of '{word}' is '{form}'."), found.text
    assert found.sure and found.source == "wordnet"


def test_a_feeling_verb_gets_both_its_adjectives_and_no_word_is_made_up():
    found = answers.word_form("bore", "adjective")
    assert "'boring'" in found.text and "'bored'" in found.text
    assert not answers.word_form("blorfist", "noun").sure
    assert dictionary.derived("blorfist", "n") == []


def test_one_l_or_two_is_american_or_british():
    found = answers.word_form("travel", "ing")
    assert "'traveling' in American English and 'travelling' in British English" in found.text
    assert "'controlled'" in answers.word_form("control", "past").text
    assert "British" not in answers.word_form("control", "past").text


def test_two_primary_stresses_in_cmudict_are_both_said():
    # CMUdict gives "engineer" only as EH1 ... IH1: naming the first alone was wrong
    found = answers.pronunciation("engineer")
    assert "stresses on the first and the third" in found.text and "NEER" in found.text
    assert "stress on the second" in answers.pronunciation("banana").text
    assert answers.pronunciation("mother-in-law").text.startswith("MO-ther-in-law:")


def test_a_silent_w_is_named_only_where_it_opens_a_cluster():
    assert "The 'w' is silent." in answers.pronunciation("wrist").text
    assert "The 'w' is silent." in answers.pronunciation("answer").text
    for word in ("new", "how", "yellow", "swim"):
        assert "silent" not in answers.pronunciation(word).text, word


def test_a_phrasal_verb_is_not_a_shorter_one_of_the_table():
    assert "come down" not in answers.meaning("came down with").text
    assert "'cut down on' means" in answers.meaning("cut down on").text


def test_a_word_form_nobody_asked_for_gets_a_question_not_a_guess():
    assert not answers.word_form("go", "").sure


@pytest.mark.parametrize("word, meant", [
    ("nervous", "agitated"), ("look forward", "expect or hope"), ("banana", "fruit"),
])
def test_a_meaning_is_wordnets_plainest_frequent_sense(word, meant):
    found = answers.meaning(word)
    assert meant in found.text and found.source == "wordnet"


def test_a_meaning_is_of_the_word_as_asked():
    # "excited" the adjective, not the verb "excite"; "a cook" the person,
    # not a namesake in WordNet (an instance).
    assert "emotion" in answers.meaning("excited").text
    assert "someone who cooks" in answers.meaning("cook", pos="n").text


def test_an_idiom_the_dictionaries_lack_is_not_guessed():
    found = answers.meaning("juggle the moon twice")
    assert not found.sure and "not sure" in found.text


@pytest.mark.parametrize("word, shown, syllables, stress", [
    ("banana", "ba-NA-na", "three", "second"), ("window", "WIN-dow", "two", "first"),
    ("hotel", "ho-TEL", "two", "second"),
])
def test_pronunciation_gives_syllables_and_stress_and_says_the_word_slowly(
        word, shown, syllables, stress):
    found = answers.pronunciation(word)
    assert found.text.startswith(shown) and syllables in found.text and stress in found.text
    assert found.say_slowly == word


@pytest.mark.parametrize("word, silent", [
    ("salmon", "l"), ("island", "s"), ("honest", "h"), ("knife", "k"), ("listen", "t"),
    ("banana", None), ("night", None), ("photograph", None), ("muscle", None),
])
def test_pronunciation_names_a_silent_letter(word, silent):
    # Asked on test8 (a tuning split since): "salmon, with L?", "island, the s?"
    text = answers.pronunciation(word).text
    if silent:
        assert text.endswith(f"The '{silent}' is silent.")
    else:
        assert "silent" not in text


def test_a_proposed_word_is_said_only_when_the_dictionary_backs_it():
    backed = answers.how_to_say("a person who repairs water pipes",
                                FakeChat(json.dumps({"word": "plumber"})))
    assert "'plumber'" in backed.text and backed.sure
    # A word the dictionary does not back is never said: WordNet's own word
    # for the description is, or "not sure" when it has none.
    for proposed in ("banana", "pipefixer", "haircut"):
        found = answers.how_to_say("a person who repairs water pipes",
                                   FakeChat(json.dumps({"word": proposed})))
        assert proposed not in found.text and "'plumber'" in found.text
    nothing = answers.how_to_say("the thing you say when somebody sneezes",
                                 FakeChat(json.dumps({"word": "banana"})))
    assert not nothing.sure and "not sure" in nothing.text


@pytest.mark.parametrize("description, proposed, right", [
    # test4 (a tuning split since its reading): a word backed by the verb
    # alone was said, with a definition that showed it wrong.
    ("a person who sells flowers", "grocer", None),
    ("someone who doesn't eat meat", "nosher", "vegetarian"),
    ("a man who repairs cars", "carpenter", "mechanic"),
    ("the machine that washes the dishes", "washer", "dishwasher"),
])
def test_a_proposal_must_name_what_the_description_is_about(description, proposed, right):
    found = answers.how_to_say(description, FakeChat(json.dumps({"word": proposed})))
    assert f"'{proposed}'" not in found.text
    if right:
        assert right in found.text


def _reply(conversation, line, act):
    return "".join(conversation.reply(line, act=act))


def test_the_conversation_routes_each_act_to_its_reply():
    chat = FakeChat("I'd see the Belem Tower in Lisbon. Can you tell me a bit more about that?")
    talk = Conversation(chat)
    talk.history.append(("i am going to lisbon next month", "Oh, nice! Who are you going with?"))
    answer = _reply(talk, "what should i see there?", ActResult(Act.TUTOR, "recommendation"))
    assert "Belem Tower" in answer and "tell me a bit more" not in answer  # no template glued
    assert any("lisbon" in m["content"].lower() for m in chat.calls[-1]["messages"]
               if m["role"] == "system")  # the thread is in the prompt
    meaning = _reply(talk, "what does nervous mean?",
                     ActResult(Act.LANGUAGE, LanguageKind.MEANING, "nervous"))
    assert "agitated" in meaning
    bye = _reply(talk, "okay i have to go now, thanks", ActResult(Act.GOODBYE))
    assert "?" not in bye and talk.last_report.source == "goodbye"


def test_a_place_around_the_action_is_not_required():
    # "at school" is where a teacher works, not what the word must name.
    found = answers.how_to_say("someone who teaches at school",
                               FakeChat(json.dumps({"word": "teacher"})))
    assert "'teacher'" in found.text


def test_wordnet_ranks_the_words_that_say_the_most():
    # "tenant" (a car, once) against "automobile mechanic" (repairs cars); the
    # model's "carpenter" does not fit, and it is not asked to choose.
    found = answers.how_to_say("a man who repairs cars",
                               FakeChat(json.dumps({"word": "carpenter"}),
                                        json.dumps({"word": "tenant"})))
    assert "'tenant'" not in found.text and "mechanic" in found.text


@pytest.mark.parametrize(("description", "word", "not_this"), [
    # a word that says the description's own noun back is no answer
    ("a person who sells flowers", "'florist'", "flower girl"),
    # a relative's definition names the kind ("the mother of your spouse")
    ("the mother of my wife", "'mother-in-law'", "aunt"),
    # no head noun: nothing to be a kind of
    ("when you can't sleep at night", "'insomnia'", "nap"),
    # "a place where planes take off and land"
    ("the place where the planes land", "'airfield'", "park"),
    # "works" says little: the library tells
    ("the person who works in a library", "'librarian'", "worker"),
    # the head's compound ("kennel, doghouse")
    ("a small house for a dog", "'kennel'", "smokehouse"),
    # test6: a thing has no kind to check; "open" is said "opener"
    ("the thing you open a wine bottle with", "'corkscrew'", "mouth"),
    ("my brother's daughter", "'niece'", "uncle"),
    # a phrasal verb's meaning is in no definition's words: not "arsonist"
    ("the man who puts out the fire", "not sure", "arsonist"),
])
def test_wordnet_finds_the_word_for_a_description(description, word, not_this, monkeypatch):
    from app.tutor import names

    monkeypatch.setattr(names, "find", lambda description: None)  # WordNet's path alone
    found = answers.how_to_say(description, FakeChat(json.dumps({"word": "carpenter"})))
    assert word in found.text and not_this not in found.text, found.text


@pytest.mark.parametrize(("asked", "headword"), [
    ("let's call it a day", "call it a day"),
    ("you are pulling my leg", "pull someone's leg"),
    ("he lost his temper", "lose one's temper"),
    ("it is raining cats and dogs", "rain cats and dogs"),
])
def test_an_idiom_is_found_as_the_dictionary_lists_it(asked, headword):
    found = answers.meaning(asked)
    assert found.sure and f"'{headword}' means" in found.text, found.text


def test_the_usual_plural_is_given():
    assert "'people'" in answers.word_form("person", "plural").text


@pytest.mark.parametrize("sentence, fix", [
    # test6: called right before these curated rules
    ("she explained me the problem", "explained the problem to me"),
    ("there is a lot of cars on the road", "there are a lot of cars"),
    ("i like very much this song", "i like this song very much"),
    ("how much costs this jacket", "how much does this jacket cost"),
])
def test_a_curated_rule_is_never_called_right(sentence, fix):
    assert fix in answers._curated_fix(sentence).lower()

"""Word frequencies over transcripts, with English and Urdu stop words.

Words are those of :func:`thematic.core.search.tokenize`, so every listed word can be searched
for: lower-cased, NFC, no stemming, "don't" and "doctor's" kept whole (’ counted as '), Urdu
words with their vowel marks. A ZWNJ/ZWJ at either end of a word joins nothing and is dropped
before counting. Tokens with no letter (numbers such as "2023") are skipped.

Stop words
----------
``ENGLISH_STOP_WORDS`` is a general English function-word list (pronouns, articles,
prepositions, conjunctions, auxiliaries and their contractions, including the pieces the
search indexes make of contractions, "don" and "ll" of "don't" and "we'll"), plus the fillers
of spoken interviews: yeah, yep, okay, ok, um, uh, hmm, mm, er, oh, ah, and "like", "just",
"really", "actually", "basically". "like" is also a verb ("I like the app"), but in
transcripts it is mostly a filler and would top every list; pass your own ``stop_words`` to
keep it. "know" and "mean" ("you know", "I mean") are kept: they are content words too.
"no", "not" and "nor" are stop words, as in most lists; negation is better read in context.

``URDU_STOP_WORDS`` holds common Urdu function words in Urdu script (ہے، ہیں، کے، کی، کا، کو،
میں، سے، اور، یہ، وہ، نہیں ...), the forms of ہونا/کرنا/جانا/رہنا used as auxiliaries, pronouns
and the answer words جی and ہاں. They are spelled with the Urdu letters (ک U+06A9, ی U+06CC,
ہ U+06C1, ے U+06D2); text typed with the Arabic forms (ك، ي، ه) is not folded to them.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from thematic.core.search import tokenize
from thematic.errors import Invalid

__all__ = [
    "ENGLISH_STOP_WORDS",
    "STOP_WORDS",
    "URDU_STOP_WORDS",
    "WordCount",
    "word_frequencies",
]

_ENGLISH = """
    a about above after again against all also am an and any are aren't as at
    be because been before being below between both but by
    can can't cannot could couldn't
    did didn't do does doesn't doing don't done down during
    each either else ever every few for from further
    get gets got had hadn't has hasn't have haven't having
    he he'd he'll he's her here here's hers herself him himself his how how's
    i i'd i'll i'm i've if in into is isn't it it'd it'll it's its itself
    let's may me might more most much must mustn't my myself
    neither no nor not now of off on once only or other others ought our ours ourselves
    out over own same shall shan't she she'd she'll she's should shouldn't so some such
    than that that's the their theirs them themselves then there there's these they
    they'd they'll they're they've this those though through thus to too
    under until up upon us very was wasn't we we'd we'll we're we've were weren't
    what what's when when's where where's whether which while who who's whom whose
    why why's will with within without won't would wouldn't
    yet you you'd you'll you're you've your yours yourself yourselves
    aren couldn didn doesn don hadn hasn haven isn ll mustn re shan shouldn ve wasn
    weren won wouldn
    yeah yep yup yes okay ok um umm uh uhm hmm mm mhm er erm oh ah
    like just really actually basically
"""

_URDU = """
    ہے ہیں ہوں ہو ہوا ہوئی ہوئے ہوتا ہوتی ہوتے ہونا تھا تھی تھے تھیں
    کے کی کا کو میں سے نے پر تک اور یا نہ نہیں تو بھی ہی کہ جو جس جن
    یہ وہ اس ان اسے انہیں انہوں اسی انہی ایک کچھ کسی کس کوئی
    کر کرنا کرتا کرتی کرتے کیا کیے گیا گئی گئے رہا رہی رہے جا جاتا جاتی جاتے
    سکتا سکتی سکتے دیا دی دیے لیا لی
    لیے لئے ساتھ بعد پہلے اب جب تب یہاں وہاں کیوں کیسے کب کون کہاں
    مگر لیکن اگر پھر بس جی ہاں بہت یعنی کیونکہ تاکہ جیسے ایسے ویسے
    میرا میری میرے مجھے ہم ہمارا ہماری ہمارے ہمیں آپ تم
    اپنا اپنی اپنے والا والی والے وغیرہ
"""

ENGLISH_STOP_WORDS: frozenset[str] = frozenset(_ENGLISH.split())
URDU_STOP_WORDS: frozenset[str] = frozenset(_URDU.split())
STOP_WORDS: frozenset[str] = ENGLISH_STOP_WORDS | URDU_STOP_WORDS

_JOINERS = "\u200c\u200d"


@dataclass(frozen=True, slots=True)
class WordCount:
    """A word, how often it occurs, and in how many of the texts."""

    word: str
    count: int
    documents: int


def _letters(word: str) -> int:
    return sum(1 for ch in word if unicodedata.category(ch)[0] in "LN")


def _has_letter(word: str) -> bool:
    return any(unicodedata.category(ch)[0] == "L" for ch in word)


def _folded(stop_words: Collection[str] | None) -> frozenset[str]:
    """Stop words as tokenize writes words, so "I'm" or "The" work as given."""
    if not stop_words:
        return frozenset()
    if stop_words is STOP_WORDS:
        return STOP_WORDS
    folded = set()
    for stop_word in stop_words:
        words = tokenize(stop_word)
        if len(words) == 1:
            folded.add(words[0][2])
    return frozenset(folded)


def _keep(word: str, skip: frozenset[str], min_length: int) -> bool:
    return _has_letter(word) and _letters(word) >= min_length and word not in skip


def word_frequencies(
    texts: Iterable[str],
    *,
    stop_words: Collection[str] | None = STOP_WORDS,
    min_length: int = 2,
    limit: int | None = None,
) -> list[WordCount]:
    """How often each word occurs in ``texts``, most frequent first (ties by word).

    ``stop_words`` are left out (default: English and Urdu; None or empty keeps every word);
    words with fewer than ``min_length`` letters or digits are left out; ``limit`` keeps the
    first so many. ``documents`` counts the texts that hold the word at least once.
    """
    if isinstance(texts, str):
        raise Invalid("word_frequencies takes a list of texts, not one string")
    if min_length < 1:
        raise Invalid(f"min_length must be 1 or more, not {min_length}")
    if limit is not None and limit < 0:
        raise Invalid(f"limit must be 0 or more, not {limit}")
    counts: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    for text in texts:
        here = Counter(word.strip(_JOINERS) for _, _, word in tokenize(text))
        counts.update(here)
        documents.update(here.keys())
    skip = _folded(stop_words)
    kept = [(word, count) for word, count in counts.items() if _keep(word, skip, min_length)]
    ranked = sorted(kept, key=lambda item: (-item[1], item[0]))
    if limit is not None:
        ranked = ranked[:limit]
    return [WordCount(word, count, documents[word]) for word, count in ranked]

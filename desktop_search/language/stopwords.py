"""Query stop words by language: the function words (articles, pronouns, prepositions,
conjunctions, auxiliaries) dropped from a query's keyword side, as English ones always
were. The index keeps every word (a quoted phrase still finds "to be or not to be");
only the query leaves them out, and never all of its words.

PyStemmer ships no stop lists, and the packaged multi-language lists (the ``stop-words``
package: 1,333 English words with "able" and "act") drop content words; these are short
lists of closed-class words in the spirit of the Snowball project's, checked by hand.
Lower case, with the diacritics people type.
"""

from __future__ import annotations

# ruff: noqa: RUF001  (Cyrillic letters that look Latin are the point here)

_LISTS = {
    "en": (
        "a an and are as at be but by for from has have how i if in into is it its me my no "
        "not of on or our so than that the their them then there these they this to was we "
        "were what when where which who why will with you your do does did can could should "
        "would about all any been being both each few more most other some such only own "
        "same too very just over under again further once here out up down off above below "
        "between through during before after while"
    ),
    "de": (
        "der die das den dem des ein eine einen einem einer eines und oder aber doch sondern "
        "ich du er sie es wir ihr mich dich sich uns euch mir dir ihm ihn ihnen mein meine "
        "meinen meinem meiner meines dein deine sein seine ihre unser unsere euer eure ist "
        "sind war waren bin bist seid wird werden wurde wurden hat habe haben hatte hatten "
        "kann können soll sollte muss müssen will wollen in im ins an am auf aus bei mit nach "
        "von vom zu zum zur für über unter vor hinter neben zwischen durch gegen ohne um als "
        "wie wenn dass ob weil auch noch nur schon sehr so nicht kein keine keinen was wer wo "
        "wann warum dieser diese dieses diesen diesem hier da dort"
    ),
    "fr": (
        "le la les l un une des du de d et ou mais donc or ni car je j tu il elle on nous "
        "vous ils elles me m te t se s lui leur leurs mon ma mes ton ta tes son sa ses notre "
        "nos votre vos ce cet cette ces c qui que qu quoi dont où est sont était étaient suis "
        "es sommes êtes être été ai as a avons avez ont avait avoir à au aux en dans par pour "
        "sur sous avec sans chez vers entre ne n pas plus y comme si très aussi"
    ),
    "es": (
        "el la los las lo un una unos unas y e o u pero sino ni que de del al a ante bajo "
        "con contra desde en entre hacia hasta para por según sin sobre tras yo tú él ella "
        "nosotros nosotras vosotros ellos ellas me te se nos os le les mi mis tu tus su sus "
        "nuestro nuestra nuestros nuestras es son era eran fue fueron soy eres somos ser "
        "estar está están estoy he has ha hemos han había haber no sí muy más como cuando "
        "donde quien este esta estos estas ese esa esos esas aquí allí también ya"
    ),
    "it": (
        "il lo la i gli le un uno una e ed o ma che di del dello della dei degli delle a al "
        "allo alla ai agli alle da dal dalla in nel nella nei nelle con su sul sulla per tra "
        "fra io tu lui lei noi voi loro mi ti si ci vi mio mia miei mie tuo tua suo sua "
        "nostro nostra è sono era erano essere ho hai ha abbiamo hanno avere non più come "
        "quando dove chi questo questa questi queste quello quella anche molto"
    ),
    "pt": (
        "o a os as um uma uns umas e ou mas que de do da dos das em no na nos nas por pelo "
        "pela para com sem sobre entre ao aos à às eu tu ele ela nós vós eles elas me te se "
        "lhe nos meu minha meus minhas seu sua seus suas é são era eram foi ser estar está "
        "estão sou tem têm ter não sim muito mais como quando onde quem este esta isto esse "
        "essa isso aquele aquela também já"
    ),
    "nl": (
        "de het een en of maar dat die dit deze van in op aan met voor naar bij uit over "
        "door om tot tegen zonder onder ik jij je hij zij ze wij we jullie mij me hem haar "
        "ons hun mijn jouw zijn is was waren ben bent wordt worden werd heeft hebben had kan "
        "kunnen zal zou niet geen ook nog al zo als wat wie waar wanneer er hier daar"
    ),
    "ru": (
        "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по "
        "только ее её мне было вот от меня о из ему теперь когда даже ну ли если уже или ни "
        "быть был была были него до вас нибудь опять уж вам ведь там потом себя ей может они "
        "тут где есть надо ней для мы тебя их чем сам без будто чего раз тоже себе под будет "
        "ж тогда кто этот того потому этого какой ним здесь этом один мой тем чтобы нее сейчас "
        "куда зачем всех никогда можно при об другой хоть после над больше тот через эти нас "
        "про всего них какая много разве эту моя свою этой перед лучше чуть том такой им более "
        "всегда конечно всю между"
    ),
    "ar": (
        "في من على إلى الى عن مع هذا هذه ذلك تلك التي الذي الذين هو هي هم هن أنا انا نحن "
        "أنت انت أنتم و أو او ثم لكن بل لا لم لن ما ماذا كيف متى أين اين إن ان أن كان كانت "
        "يكون قد كل بعض غير بين عند حتى إذا اذا لقد أي اي"
    ),
}

STOPWORDS: dict[str, frozenset[str]] = {lang: frozenset(t.split()) for lang, t in _LISTS.items()}
ENGLISH = STOPWORDS["en"]


def for_languages(languages: set[str] | frozenset[str]) -> frozenset[str]:
    """The stop words of any of ``languages`` (English always)."""
    found = [STOPWORDS[lang] for lang in languages if lang in STOPWORDS]
    return ENGLISH.union(*found)

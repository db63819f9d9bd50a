"""Keyword search in the language of each file: a real index of letters in German, Arabic,
Chinese, Japanese, Russian, French and English, searched through the search service."""

from __future__ import annotations

# ruff: noqa: RUF001  (letters and punctuation of other scripts are the point here)
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_search.config.settings import Settings
from desktop_search.engine import Engine
from desktop_search.search.service import SearchHit, SearchRequest
from desktop_search.search.spelling import SpellingCorrector
from desktop_search.search.terms import query_terms

GERMAN = (
    "Sehr geehrte Frau Schmidt, hiermit reiche ich meine Kündigung des Arbeitsvertrags "
    "fristgerecht zum Ende des nächsten Monats ein. Ich danke Ihnen für die gute "
    "Zusammenarbeit in den vergangenen Jahren. Mit freundlichen Grüßen, Anna Weber"
)
ARABIC = (
    "السَّيِّدُ المُدِيرُ المُحْتَرَمُ، أَتَقَدَّمُ إِلَيْكُمْ بِطَلَبِ الاسْتِقَالَةِ مِنْ عَمَلِي فِي الشَّرِكَةِ "
    "اعْتِبَارًا مِنْ نِهَايَةِ الشَّهْرِ القَادِمِ. وَأَشْكُرُ أَحْمَدَ عَلَى تَعَاوُنِهِ الدَّائِمِ مَعَ المُعَلِّمَةِ "
    "فِي المُسْتَشْفَى."
)
# The budget meeting ("预算会议") is mentioned only near the end of a long run of text.
CHINESE = (
    "尊敬的王经理，您好。我们在上个月完成了仓库的整理工作，所有的货物都已经重新登记，"
    "新的货架也已经安装好了。运输部门反映最近的订单数量有所增加，需要增加两名司机。"
    "客户服务中心收到了很多关于送货时间的问题，我们正在研究改进的办法。"
    "另外，办公室的空调需要维修，已经联系了物业公司，他们下周会派人来检查。"
    "员工培训计划也在准备之中，预计下个月开始实施，培训内容包括安全知识和服务礼仪。"
    "公司年会的地点还没有确定，行政部正在比较几家酒店的价格和服务。"
    "最后，关于明年预算的会议定在星期四下午三点，请各部门负责人准时参加，并提前准备好材料。"
)
JAPANESE = (
    "いつもお世話になっております。来月末をもちまして退職させていただくことになりました。"
    "在職中は大変お世話になりました。引き継ぎの資料は来週までにお送りします。"
)
RUSSIAN = (
    "Уважаемый Иван Петрович! Прошу принять моё заявление об увольнении по собственному "
    "желанию с первого числа следующего месяца. Благодарю вас за совместную работу."
)
FRENCH = (
    "Madame, je vous prie de bien vouloir accepter ma démission du poste de comptable. "
    "Conformément à mon contrat, je respecterai un préavis de trois mois. Je vous remercie "
    "pour votre confiance et vous prie d'agréer mes salutations distinguées."
)
ENGLISH = (
    "Minutes of the board meeting. After a long discussion the board reached a decision "
    "on the new office lease and the budget for the coming year."
)
FILES = {
    "brief.txt": GERMAN,
    "risala.txt": ARABIC,
    "baogao.txt": CHINESE,
    "tegami.txt": JAPANESE,
    "pismo.txt": RUSSIAN,
    "lettre.txt": FRENCH,
    "minutes.txt": ENGLISH,
}


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    root = tmp_path_factory.mktemp("languages")
    docs = root / "docs"
    docs.mkdir()
    for name, text in FILES.items():
        (docs / name).write_text(text, encoding="utf-8")
    with Engine(root / "data", settings=Settings(encoder_threads=1)) as engine:
        assert not engine.indexer().index([str(docs)]).failed
        yield engine


def keyword_hits(engine: Engine, query: str) -> list[SearchHit]:
    return engine.search.run(SearchRequest(query=query, mode="lexical")).hits


def first(engine: Engine, query: str) -> str:
    hits = keyword_hits(engine, query)
    assert hits, f"nothing found for {query!r}"
    return Path(hits[0].path).name


def found_as_written(engine: Engine, query: str) -> str:
    """The first file for ``query``, found by its own words: not taken for a typo and
    "corrected" to the text's word (which would also change real words)."""
    response = engine.search.run(SearchRequest(query=query, mode="lexical"))
    assert "corrected" not in response.explain
    assert response.hits, f"nothing found for {query!r}"
    return Path(response.hits[0].path).name


def highlighted(hit: SearchHit) -> list[str]:
    return [hit.snippet[s:e] for s, e in hit.highlights]


def test_each_chunk_has_its_language(indexed: Engine) -> None:
    catalog = indexed.store.catalog
    rows = catalog.conn.execute("SELECT display_path, language FROM files").fetchall()
    languages = {Path(str(p)).name: str(lang) for p, lang in rows}
    assert languages == {
        "brief.txt": "de",
        "risala.txt": "ar",
        "baogao.txt": "zh",
        "tegami.txt": "ja",
        "pismo.txt": "ru",
        "lettre.txt": "fr",
        "minutes.txt": "en",
    }


def test_a_german_word_finds_its_inflected_form(indexed: Engine) -> None:
    assert found_as_written(indexed, "Kündigungen") == "brief.txt"
    assert first(indexed, "kundigung") == "brief.txt"  # typed without the umlaut
    hit = keyword_hits(indexed, "Kündigungen")[0]
    assert highlighted(hit) == ["Kündigung"]


def test_german_text_is_not_stemmed_as_english(indexed: Engine) -> None:
    catalog = indexed.store.catalog
    row = catalog.file_by_path(str(next(p for p in _paths(indexed) if p.endswith("brief.txt"))))
    assert row is not None
    terms = catalog.chunk_search_texts(catalog.chunk_ids_of_file(row.id))
    words = set(" ".join(terms.values()).split())
    assert {"kundig", "arbeitsvertrag", "zusammenarbeit"} <= words  # German Snowball stems
    assert "kundigung" not in words  # what English Porter makes of "Kündigung"


def _paths(engine: Engine) -> list[str]:
    return [str(r[0]) for r in engine.store.catalog.conn.execute("SELECT display_path FROM files")]


@pytest.mark.parametrize(
    "query",
    [
        "الاستقالة",  # no tashkeel
        "الاسْتِقَالَة",  # tashkeel
        "استقاله",  # ta marbuta written as heh, no article
        "احمد",  # bare alef for the text's alef with hamza
        "إحمد",  # another alef form
        "المستشفي",  # yeh for the text's alef maqsura
        "المعلمه",
    ],
)
def test_arabic_is_matched_after_normalisation(indexed: Engine, query: str) -> None:
    assert first(indexed, query) == "risala.txt"


def test_a_chinese_word_is_found_inside_a_long_run_with_an_unclipped_snippet(
    indexed: Engine,
) -> None:
    hit = keyword_hits(indexed, "预算")[0]
    assert Path(hit.path).name == "baogao.txt"
    assert highlighted(hit) == ["预算"]
    assert hit.snippet.strip("\u2026") in CHINESE  # one piece of the text, in order
    assert first(indexed, "会议") == "baogao.txt"
    assert first(indexed, "星期四下午") == "baogao.txt"  # a piece of a sentence


def test_a_chinese_query_without_spaces_finds_the_file(indexed: Engine) -> None:
    assert first(indexed, "关于明年预算的会议") == "baogao.txt"


def test_japanese_mixed_kana_and_kanji(indexed: Engine) -> None:
    assert first(indexed, "退職") == "tegami.txt"
    assert first(indexed, "資料") == "tegami.txt"
    assert first(indexed, "させて") == "tegami.txt"  # kana only
    assert highlighted(keyword_hits(indexed, "退職")[0]) == ["退職"]


def test_russian_inflection(indexed: Engine) -> None:
    assert found_as_written(indexed, "увольнение") == "pismo.txt"  # the text: "увольнении"
    assert found_as_written(indexed, "заявления") == "pismo.txt"


def test_a_french_word_is_not_corrected_into_english(indexed: Engine) -> None:
    speller = SpellingCorrector(indexed.store.catalog)
    # "démissions" is in no chunk; the English "decision" is two edits from it
    assert speller.correct(query_terms("démissionner")).replaced == {}
    assert speller.correct(query_terms("démision")).replaced == {"démision": "démission"}
    assert speller.correct(query_terms("decison")).replaced == {"decison": "decision"}


def test_a_foreign_word_in_an_english_index_is_left_alone(engine: Engine, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "minutes.txt").write_text(ENGLISH, encoding="utf-8")
    assert not engine.indexer().index([str(docs)]).failed
    speller = SpellingCorrector(engine.store.catalog)
    assert speller.correct(query_terms("démission")).replaced == {}
    assert speller.correct(query_terms("decison")).replaced == {"decison": "decision"}
    response = engine.search.run(SearchRequest(query="démission", mode="lexical"))
    assert "corrected" not in response.explain and response.hits == []


def test_phrases_are_searched_in_the_text_language(indexed: Engine) -> None:
    hits = keyword_hits(indexed, '"meine Kündigung"')
    assert [Path(h.path).name for h in hits] == ["brief.txt"]
    assert [Path(h.path).name for h in keyword_hits(indexed, '"预算的会议"')] == ["baogao.txt"]

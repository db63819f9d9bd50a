from __future__ import annotations

# ruff: noqa: RUF001  (CJK punctuation is the point here)
import regex

from desktop_search.search.snippets import make_snippet
from desktop_search.search.terms import fts_match_expression, light_stem, query_terms


def test_short_text_highlights_matching_words() -> None:
    snippet = make_snippet("Cats chase mice. A cat naps.", ["cat"])
    marked = [snippet.text[s:e] for s, e in snippet.highlights]
    assert marked == ["Cats", "cat"]
    assert snippet.offset == 0


def test_long_text_window_holds_the_matches() -> None:
    text = ("filler words " * 60) + "the quarterly revenue grew strongly " + ("more filler " * 60)
    snippet = make_snippet(text, ["revenue", "grew"], width=120)
    assert len(snippet.text) <= 122
    assert "revenue grew" in snippet.text
    assert snippet.text.startswith("\u2026") and snippet.text.endswith("\u2026")
    for start, end in snippet.highlights:
        assert snippet.text[start:end].lower() in {"revenue", "grew"}
    # offset maps the snippet back into the chunk
    inner = snippet.text.strip("\u2026")
    assert text[snippet.offset + 1 : snippet.offset + 1 + len(inner)] == inner


def test_query_terms_drop_stop_words_but_never_everything() -> None:
    assert query_terms("What is the meaning of life?") == ["meaning", "life"]
    assert query_terms("the who") == ["the", "who"]
    assert query_terms("") == []


def test_light_stem() -> None:
    assert light_stem("running") == light_stem("runs") == "runn" or light_stem("runs") == "run"
    assert light_stem("stories") == "story"


def test_fts_expression_is_quoted() -> None:
    assert fts_match_expression(['a"b', "c"]) == '"a""b" OR "c"'


# -- Chinese, Japanese, Korean and right-to-left text --------------------------------------

_CHINESE = (
    "我们在上个月完成了仓库的整理工作，所有的货物都已经重新登记，新的货架也已经安装好了。"
    "运输部门反映最近的订单数量有所增加，需要增加两名司机。"
    "客户服务中心收到了很多关于送货时间的问题，我们正在研究改进的办法。"
    "另外，办公室的空调需要维修，已经联系了物业公司，他们下周会派人来检查。"
    "员工培训计划也在准备之中，预计下个月开始实施，培训内容包括安全知识和服务礼仪。"
    "公司年会的地点还没有确定，行政部正在比较几家酒店的价格和服务。"
    "最后，关于明年预算的会议定在星期四下午三点，请各部门负责人准时参加，并提前准备好材料。"
    "仓库的钥匙由保安部统一保管，如需借用请提前登记。"
) * 2


def clusters(text: str) -> list[str]:
    found: list[str] = regex.findall(r"\X", text)
    return found


def test_a_cjk_match_far_into_the_text_is_highlighted_and_not_clipped() -> None:
    snippet = make_snippet(_CHINESE, ["预算"], width=120, language="zh")
    assert [snippet.text[s:e] for s, e in snippet.highlights][:1] == ["预算"]
    assert snippet.text.startswith("\u2026") and snippet.text.endswith("\u2026")
    body = snippet.text.strip("\u2026")
    start = _CHINESE.index(body)
    assert start == snippet.offset + 1
    assert _CHINESE[start - 1] in "，。"  # the window starts after a clause or sentence end
    assert body[-1] in "，。" or len(body) >= 60  # and ends after one when it can


def test_a_japanese_run_is_highlighted_inside_a_sentence() -> None:
    text = "来月末をもちまして退職させていただくことになりましたのでご連絡いたします。"
    snippet = make_snippet(text, ["退職"], language="ja")
    assert [snippet.text[s:e] for s, e in snippet.highlights] == ["退職"]


def test_the_window_never_cuts_inside_a_grapheme() -> None:
    marked = "字\u0308" * 150 + "预算" + "字\u0308" * 150  # letters with a combining mark
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one grapheme of five code points
    emoji = family * 100 + "预算" + family * 100
    for text in (marked, emoji):
        snippet = make_snippet(text, ["预算"], width=101, language="zh")
        body = snippet.text.strip("\u2026")
        start = text.index(body)
        assert clusters(text[:start]) + clusters(body) + clusters(text[start + len(body) :]) == (
            clusters(text)
        )
        assert [snippet.text[s:e] for s, e in snippet.highlights] == ["预算"]


def test_right_to_left_text_keeps_its_order() -> None:
    words = [
        "هذه",
        "رسالة",
        "طويلة",
        "عن",
        "العمل",
        "في",
        "الشركة",
        "والموظفين",
        "الجدد",
        "في",
        "المكتب",
        "الرئيسي",
    ]
    text = " ".join(words * 8) + " الاستقالة " + " ".join(words * 8)
    snippet = make_snippet(text, ["استقالة"], width=120, language="ar")
    assert snippet.text.startswith("\u200f\u2026")  # a right-to-left window, cut at its start
    assert snippet.text.endswith("\u2026")
    body = snippet.text[2:-1]
    assert body in text  # the text's own order: nothing reversed or moved
    assert [snippet.text[s:e] for s, e in snippet.highlights] == ["الاستقالة"]


def test_a_cut_bidi_isolate_is_opened_again_and_closed() -> None:
    inside = "مرحبا بكم " * 30 + "target " + "مرحبا " * 30
    text = "start " * 30 + "\u2067" + inside + "\u2069 end"
    snippet = make_snippet(text, ["target"], width=100)
    assert snippet.text.startswith("\u200f\u2026\u2067")  # the isolate the window is in
    assert snippet.text.endswith("\u2069\u2026")  # closed before the window ends
    assert snippet.text[3:-2] in inside
    assert [snippet.text[s:e] for s, e in snippet.highlights] == ["target"]

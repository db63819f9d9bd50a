"""Languages of the indexed text: detection (``detect``), the scripts of words
(``scripts``), normalisation (``normalise``), stemming per language (``stemmers``,
``porter`` for English), query stop words (``stopwords``) and the one analysis the
keyword index and the query both go through (``analyser``).

Nothing here touches SQLite or Qt; storage and search import it.
"""

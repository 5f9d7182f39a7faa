"""Statistical name finding: a CRF tagger of persons, places and organisations per language.

The Kazakh model is trained on KazNERD's validation split (Yeshpanov, Khassanov, Varol, "KazNERD:
Kazakh Named Entity Recognition Dataset", LREC 2022; CC BY 4.0) by ``communique train-names --lang
kk``; see README.md in this folder for the held-out split and what it reaches.
"""

"""Analysis: script conversion, language, sentences, tokens, morphology."""

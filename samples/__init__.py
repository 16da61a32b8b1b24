"""Development tools and data, not shipped: the labelled corpus, its templates, and the letter renderer."""

"""Write samples/corpus/templated.jsonl: python -m samples.templates."""

from .output import main

main()

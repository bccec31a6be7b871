"""Quality measures: extraction against gold (annotation.md rules)."""

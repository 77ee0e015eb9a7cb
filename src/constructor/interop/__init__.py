"""Exchange with other tools: CurricularAnalytics CSV and 1EdTech CASE."""

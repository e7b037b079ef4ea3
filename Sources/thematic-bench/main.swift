print("thematic-bench")

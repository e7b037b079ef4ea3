print("thematic")

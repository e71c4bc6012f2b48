print("impact")

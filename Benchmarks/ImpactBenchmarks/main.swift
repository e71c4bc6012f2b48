print("benchmarks arrive with the estimators")

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ImpactWorkbench",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "impact", targets: ["ImpactCLI"]),
        .library(name: "Workbench", targets: ["Workbench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLinearAlgebra",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapack-dev", "liblapacke-dev"])]
        ),
        .target(name: "LinearAlgebra", dependencies: ["CLinearAlgebra"]),
        .target(name: "Distributions"),
        .target(name: "DataFrameModule"),
        .target(name: "ModelSpec", dependencies: ["LinearAlgebra", "DataFrameModule"]),
        .target(name: "Inference", dependencies: ["LinearAlgebra", "Distributions"]),
        .target(name: "Estimators", dependencies: ["ModelSpec", "Inference", "LinearAlgebra", "DataFrameModule", "Distributions"]),
        .target(name: "Attribution", dependencies: ["Estimators", "Inference"]),
        .target(name: "Reporting", dependencies: ["Attribution", "Estimators"]),
        .target(
            name: "Workbench",
            dependencies: [
                "Reporting", "Attribution", "Estimators", "ModelSpec", "DataFrameModule", "Inference",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "ImpactCLI",
            dependencies: ["Workbench", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "ImpactBenchmarks",
            dependencies: ["Workbench"],
            path: "Benchmarks/ImpactBenchmarks"
        ),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "DistributionsTests", dependencies: ["Distributions"]),
        .testTarget(name: "DataFrameModuleTests", dependencies: ["DataFrameModule"]),
        .testTarget(name: "ModelSpecTests", dependencies: ["ModelSpec"]),
        .testTarget(name: "InferenceTests", dependencies: ["Inference"]),
        .testTarget(name: "EstimatorsTests", dependencies: ["Estimators"]),
        .testTarget(name: "AttributionTests", dependencies: ["Attribution"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"]),
        .testTarget(name: "WorkbenchTests", dependencies: ["Workbench"]),
        .testTarget(name: "ImpactCLITests", dependencies: ["ImpactCLI"]),
    ]
)

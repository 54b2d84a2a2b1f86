# The two set-up commands of the README, and a few conveniences.
.PHONY: site test setup ci-site bench

# Build the whole site from the default corpora into site/ (trains the models on first run: ~20 minutes on 2 cores).
site: setup
	swift build -c release --product atlas
	.build/release/atlas build

# Run the test suite (unit tests, gradient checks, statistics against scipy, rendering, browser check).
test: setup
	swift test

setup:
	bash scripts/setup.sh

# The small site CI builds and checks on every change.
ci-site: setup
	swift build -c release --product atlas
	.build/release/atlas build --profile ci

bench:
	swift run -c release atlas-bench

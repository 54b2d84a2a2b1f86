# The two set-up commands of the README, and a few conveniences.
.PHONY: site test setup ci-site browser-check slurm-check k8s-check bench

# Build the whole site from the default corpora into site/ (trains 3 seeds of every model on first run: ~45 (AVX-512) to ~60 (AVX2) minutes a seed on 2 cores).
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

# Opens the built site in headless Chromium: home, a corpus and an example page; screenshots in .build/artifacts/.
browser-check:
	ATLAS_BUILT_SITE=$(CURDIR)/site swift test --filter BuiltSiteBrowserTests

# The ci site again on a real single-node Slurm cluster (training array, tracing shards, merge), compared byte for
# byte with the one-machine build in site/ (run ci-site first). Installs and starts Slurm itself; needs root.
slurm-check:
	bash scripts/slurm/check-sharded-build.sh

# The ci build's Kubernetes Jobs (atlas kubernetes), validated offline against the API's JSON schemas.
k8s-check:
	bash scripts/kubernetes/check-manifests.sh

bench:
	swift run -c release atlas-bench

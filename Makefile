# Install Thematic in one step, for machines that will run it without a Swift toolchain (issue 17).
#
#   make install                  build, then install under PREFIX (default ~/.local)
#   make install PREFIX=/opt/thm  install elsewhere
#   make uninstall                remove everything install put under PREFIX
#
# install = build + install-built. CI and the end-to-end test run install-built on the release binary CI has
# already built, so installing is tested without a second release build.

PREFIX ?= $(HOME)/.local
SWIFT ?= swift
BUILD := .build/release

bindir := $(PREFIX)/bin
man1dir := $(PREFIX)/share/man/man1
datadir := $(PREFIX)/share/thematic
bashdir := $(PREFIX)/share/bash-completion/completions
zshdir := $(PREFIX)/share/zsh/site-functions
fishdir := $(PREFIX)/share/fish/vendor_completions.d
# The anonymisation check's word lists, as SwiftPM bundles them; InstalledData.swift finds them in $(datadir).
resources := Thematic_ThematicCore.resources

.PHONY: install build install-built uninstall

install: build
	@$(MAKE) --no-print-directory install-built

# The Swift runtime is linked in, so the binary needs only system libraries: libc, libstdc++, zlib, ncursesw.
# generate-manual is swift-argument-parser's man-page tool, the one its generate-manual plugin runs; the plugin
# itself would build every product (thematic-bench too) without --static-swift-stdlib. Both are built with the
# same flags so they share one build of ArgumentParser instead of rebuilding it for each in turn.
build:
	$(SWIFT) build -c release --product thematic --static-swift-stdlib
	$(SWIFT) build -c release --product generate-manual --static-swift-stdlib

install-built:
	@test -x $(BUILD)/thematic || { echo "make: no $(BUILD)/thematic; run make install (or make build) first" >&2; exit 1; }
	@test -x $(BUILD)/generate-manual || { echo "make: no $(BUILD)/generate-manual; run make install (or make build) first" >&2; exit 1; }
	install -d "$(bindir)" "$(man1dir)" "$(datadir)/SampleData" "$(bashdir)" "$(zshdir)" "$(fishdir)"
	install -m 755 $(BUILD)/thematic "$(bindir)/thematic"
	rm -rf "$(datadir)/$(resources)" "$(datadir)/SampleData/demo"
	cp -R $(BUILD)/$(resources) "$(datadir)/"
	cp -R SampleData/demo "$(datadir)/SampleData/"
	@# One page per command. generate-manual names them thematic.agree.1; man's convention is thematic-agree.1.
	rm -f "$(man1dir)/thematic.1" "$(man1dir)"/thematic-*.1
	$(BUILD)/generate-manual "$(bindir)/thematic" --multi-page --output-directory "$(man1dir)"
	cd "$(man1dir)" && for page in thematic.1 thematic.*.1; do \
	  sed -E '/^\.(Dt|Xr) /{ :a; s/^(\.(Dt|Xr) [A-Za-z-]+)\.([A-Za-z])/\1-\3/; ta; }' "$$page" > "$$page.tmp"; \
	  rm "$$page"; \
	  mv "$$page.tmp" "$$(echo "$${page%.1}" | tr . -).1"; \
	done
	"$(bindir)/thematic" --generate-completion-script bash > "$(bashdir)/thematic"
	"$(bindir)/thematic" --generate-completion-script zsh > "$(zshdir)/_thematic"
	"$(bindir)/thematic" --generate-completion-script fish > "$(fishdir)/thematic.fish"
	@echo "Installed $(bindir)/thematic (run it as thematic if $(bindir) is on your PATH), its man pages, completions and $(datadir)."

uninstall:
	rm -f "$(bindir)/thematic" "$(man1dir)/thematic.1" "$(man1dir)"/thematic-*.1
	rm -f "$(bashdir)/thematic" "$(zshdir)/_thematic" "$(fishdir)/thematic.fish"
	rm -rf "$(datadir)"

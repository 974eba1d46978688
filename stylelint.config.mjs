// stylelint over static/**/*.css; `make test` runs it before pytest.
//
// Tuned to catch what a browser silently drops or gets wrong: invalid selectors (a rule that began
// with "..." was dropped whole, so danger buttons looked like primary ones), unknown properties,
// values, units and functions, invalid hex colours, unknown animations and custom properties,
// duplicate selectors and properties, a shorthand that overrides a longhand written before it.
// Rules of stylelint-config-standard about the layout of the source, not about what the browser
// does, are off, each with its reason, so that the file is not rewritten for taste.
export default {
  extends: "stylelint-config-standard",
  ignoreFiles: ["static/vendor/**", "staticfiles/**", "node_modules/**"],
  reportDescriptionlessDisables: true,
  reportInvalidScopeDisables: true,
  reportNeedlessDisables: true,
  rules: {
    // Errors the browser would not tell us about (some are not in the recommended set).
    "color-no-invalid-hex": true,
    "declaration-block-no-duplicate-properties": true,
    "function-no-unknown": true,
    "no-unknown-animations": true,
    "no-unknown-custom-properties": true,
    "selector-no-invalid": true,
    "unit-no-unknown": true,

    // site.css writes one rule per line, grouped by component under a comment; line breaks and
    // blank lines do not change what the browser parses.
    "at-rule-empty-line-before": null,
    "comment-empty-line-before": null,
    "declaration-block-single-line-max-declarations": null,
    "rule-empty-line-before": null,
    // It would lower-case font family names (Roboto, Arial) and SVG's crispEdges; both are
    // case-insensitive and the written case is the usual one.
    "value-keyword-case": null,
    // (max-width: 640px) and (width <= 640px) mean the same; the file uses the first throughout.
    "media-feature-range-notation": null,
    // It flags rules of unrelated components (".nav-list a:hover" after "a:hover") whose order is
    // deliberate. What it guards against, a variant that never applies, is tested in the browser
    // on the component gallery (tests/gencisi/test_gallery_browser.py compares computed colours).
    "no-descending-specificity": null,
  },
  overrides: [
    {
      // WeasyPrint's print stylesheets.
      files: ["static/documents/*.css"],
      rules: {
        // string-set: content() is CSS Paged Media, which stylelint's value checker does not know.
        "declaration-property-value-no-unknown": [true, { ignoreProperties: { "string-set": "/.*/" } }],
        // Fonts come only from the bundled @font-face files; a generic fallback would let
        // WeasyPrint pick a system font instead of failing visibly.
        "font-family-no-missing-generic-family-keyword": null,
      },
    },
  ],
};

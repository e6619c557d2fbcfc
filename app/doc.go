// Package app is the domain of Evidence Workbench: the analyst's vocabulary
// (sources, articles, claims, entities, events, dates and grades), the rules
// that validate them, the error codes every layer speaks, and the store
// interfaces the rest of the program works through.
//
// It imports only the standard library. Storage implements its interfaces;
// the GUI and the CLI consume them. Offsets into article text are always
// runes (Unicode code points), never bytes.
package app

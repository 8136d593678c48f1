/**
 * What the command-line tool and the demo print with: text made safe for one terminal line
 * ({@link io.github.devopsconnector.examples.console.Printable}), plain-text tables
 * ({@link io.github.devopsconnector.examples.console.TextTable}) and a discovery progress bar
 * ({@link io.github.devopsconnector.examples.console.ProgressBar}).
 */
package io.github.devopsconnector.examples.console;

/**
 * The one script Termlight runs in the page's own world (from document_start, in every frame):
 * hooks that report what no observer can see, and a guard that keeps what the reader types in
 * Termlight's UI from the page's listeners. See each module.
 */
import './highlight-watch';
import './shadow-watch';
import './sheet-watch';
import './typing-guard';

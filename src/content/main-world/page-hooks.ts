/**
 * The one script Termlight runs in the page's own world (from document_start, in every frame):
 * hooks that report what no observer can see. See each module.
 */
import './highlight-watch';
import './shadow-watch';
import './sheet-watch';

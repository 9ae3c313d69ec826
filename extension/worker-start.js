// worker-start.js — background.js's first import: starts the engine load and the settings read the
// moment this module is evaluated, before the worker's remaining modules are. ES modules evaluate
// depth-first in import order, so this runs right after engine.js and settings.js (and their own
// imports); a call at the top of background.js would wait for all ten modules (5-15 ms measured on
// a cold worker). Service worker only: extension pages import engine.js without this module.

import { getEngine } from './engine.js';
import { cachedSettings } from './settings.js';

// The worker starts for a reason that soon needs the core (a tab navigating, a page's scan, the popup
// or options). A failure is not cached; the next message retries and reports it.
getEngine().catch((err) => console.debug('quotetrace: engine not loaded at worker start:', err?.message));
cachedSettings().catch((err) => console.debug('quotetrace: settings not read at worker start:', err?.message));

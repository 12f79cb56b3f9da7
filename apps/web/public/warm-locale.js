// Loads the browser's locale data while the app's code is still downloading. The first Intl
// formatter a tab makes costs 30–90 ms on the main thread (ICU starts up); the Overview formats its
// figures the moment its code runs, so that cost moves here, into time the main thread would idle.
// A classic async script: it runs as soon as it arrives, before the module graph is complete.
new Intl.NumberFormat(navigator.language).format(0);
new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium', timeStyle: 'short' }).resolvedOptions();

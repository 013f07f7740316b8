import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { webAppManifest } from './src/webAppManifest.ts';

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      // The app registers the worker itself (src/device/registerServiceWorker.ts) so that
      // an update waits for the attract screen instead of interrupting a respondent.
      injectRegister: false,
      manifest: webAppManifest,
      injectManifest: {
        // A classic worker: module service workers fail to evaluate in some browsers.
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest,woff2}'],
        // Staff's web screens need the server anyway: tablets do not download them.
        // Nor paper work (an inspector's laptop caches it at runtime, sw/sw.ts), nor inspectors' surveys (the monitoring visit).
        globIgnores: [
          '**/startStaffWeb-*', '**/chartRuntime-*', '**/surveys/monitoring-visit.json',
          '**/locales/*/paper.json', '**/Paper*Screen-*', '**/MismatchesScreen-*', '**/VisitsScreen-*', '**/paperEntry-*', '**/paperStore-*', '**/paperQr-*', '**/paperAnswers-*',
          // Nor authoring and waves (designers and the central office, at a computer).
          '**/locales/*/authoring.json', '**/locales/*/waves.json', '**/SurveyLibraryScreen-*', '**/SurveyEditorScreen-*', '**/XlsformImportScreen-*', '**/WavesScreen-*', '**/authoringApi-*', '**/loadDraftPreview-*',
        ],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Surveys and locales are fetched as data; keep chunk names stable for the bench.
    sourcemap: false,
    // SAYSO_DIST lets several builds (parallel test runs) keep apart.
    outDir: process.env.SAYSO_DIST ?? 'dist',
    // index.html preloads the entry's chunks; lazy chunks come from the service worker's
    // cache on a tablet, so preloading their imports saves next to nothing, while the lists
    // of them cost the first screen bytes (a lazy chunk's CSS is still loaded with it).
    // Browsers without modulepreload just load the entry's chunks in turn: no polyfill.
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
  },
  server: { port: 5173 },
});

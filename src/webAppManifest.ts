/**
 * The web app manifest: lets a tablet pin Sayso to its home screen and run it full
 * screen without browser chrome (on iPad, only the pinned app keeps its storage).
 */
export const webAppManifest = {
  name: 'Sayso: your opinion matters',
  short_name: 'Sayso',
  description: 'Anonymous satisfaction surveys for reception facilities, by icon and by voice.',
  id: '/',
  start_url: '/',
  scope: '/',
  display: 'fullscreen' as const,
  display_override: ['fullscreen' as const, 'standalone' as const],
  orientation: 'any' as const,
  background_color: '#f7f9fc',
  theme_color: '#2f6fb0',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ],
};

import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Build modes:
// - production (default): the narrowest permissions — activeTab + scripting, injection on user action only;
//   `tabs` (to mark already-clipped pages on the toolbar icon) is optional and asked for once, with a reason.
// - e2e (`wxt build --mode e2e`): the build the browser tests load. Automated Chromium cannot press the
//   toolbar button or answer a permission prompt, so this build is granted up front what the user would grant
//   by acting: `tabs` and access to pages on 127.0.0.1. Nothing else differs.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The extraction content script never calls extension APIs, so it does without webextension-polyfill
    // (~10 KB of the content-script budget): WXT's own `wxt/browser` is enough for its runtime.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = viteConfig.resolve?.alias;
      if (Array.isArray(alias)) {
        viteConfig.resolve!.alias = alias.filter((a) => a.find !== 'wxt/browser');
      } else if (alias && typeof alias === 'object') {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
  zip: { excludeSources: ['server/**', 'tests/**', 'bench/**', 'scripts/**', 'data/**'] },
  manifest: ({ mode, browser }) => {
    const e2e = mode === 'e2e';
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'alarms', ...(e2e ? ['tabs'] : [])],
      optional_permissions: e2e ? [] : ['tabs'],
      host_permissions: e2e ? ['http://127.0.0.1/*'] : [],
      // The sync server's origin is asked for at connect time, never at install.
      optional_host_permissions: ['http://*/*', 'https://*/*'],
      action: { default_title: '__MSG_actionTitle__' },
      commands: {
        _execute_action: {
          suggested_key: { default: 'Alt+Shift+C' },
          description: '__MSG_commandClipPage__',
        },
        'clip-selection': {
          suggested_key: { default: 'Alt+Shift+H' },
          description: '__MSG_commandClipSelection__',
        },
        // Chrome takes at most four suggested keys: there open-library has none (members can set one at
        // chrome://extensions/shortcuts) and translate-selection takes Alt+Shift+T. Firefox has no such limit.
        'open-library': {
          ...(browser === 'firefox' ? { suggested_key: { default: 'Alt+Shift+L' } } : {}),
          description: '__MSG_commandOpenLibrary__',
        },
        'capture-contact': {
          suggested_key: { default: 'Alt+Shift+K' },
          description: '__MSG_menuAddContact__',
        },
        'translate-selection': {
          suggested_key: { default: 'Alt+Shift+T' },
          description: '__MSG_menuTranslateSelection__',
        },
      },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'icc-clipper@intercultural-cities.example',
                // data_collection_permissions needs Firefox 140 (desktop) and 142 (Android).
                strict_min_version: '140.0',
                data_collection_permissions: {
                  required: ['websiteContent', 'personallyIdentifyingInfo'],
                },
              },
              gecko_android: { strict_min_version: '142.0' },
            },
          }
        : {}),
    };
  },
});

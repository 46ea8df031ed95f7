import {defineConfig} from 'vite';
import vue from '@vitejs/plugin-vue';

// The workbench is served by metrics-service at /workbench/: Maven passes --outDir into this module's jar
// (META-INF/resources/workbench), which metrics-service depends on.
export default defineConfig({
  base: '/workbench/',
  plugins: [vue()],
  build: {
    outDir: 'target/workbench',
    // Element Plus is one large, rarely changing chunk; the browser keeps it across releases of the pages.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus|@floating-ui|@vueuse|dayjs|lodash)/},
            {name: 'vue', test: /node_modules[\\/](vue|@vue|vue-router)[\\/]/}],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.js'],
  },
});

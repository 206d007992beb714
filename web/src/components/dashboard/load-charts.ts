/**
 * The chart library, as its own chunk: the dashboard starts loading it the moment the page is set
 * up, so it downloads and compiles while the figures are fetched, and the headline numbers never
 * wait for it.
 */
export const loadCharts = () => import('./echarts.ts')

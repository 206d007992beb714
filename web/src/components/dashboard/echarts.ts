import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendPlainComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

// Only the parts the dashboard draws, so the chart code stays small; it is loaded (DashboardChart.vue)
// while the page fetches its figures. No toolbox — its install brings data zoom, brush and the rest:
// the export button saves the image — and the plain legend, not the scrolling one.
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendPlainComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
])

export { echarts }
export type ChartOption = echarts.EChartsCoreOption

// The ECharts build the web app loads: only the chart types and components
// its screens draw, registered on the modular core. tools/build-echarts.mjs
// bundles this file into one script that defines the global `echarts`,
// which is what charming's option JSON and src/charts.rs expect.
import { use } from "echarts/core";
import { BarChart, GaugeChart, LineChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

use([
  LineChart,
  BarChart,
  GaugeChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export {
  dispose,
  getInstanceByDom,
  init,
  registerTheme,
  version,
} from "echarts/core";

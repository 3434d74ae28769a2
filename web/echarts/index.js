/*!
 * ECharts 5.6.0, Licensed to the Apache Software Foundation (ASF) under the
 * Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0);
 * see node_modules/echarts/LICENSE and NOTICE. This build holds only the
 * modules the Retention Workbench uses.
 */
// The ECharts of the workbench: ECharts 5.6.0's own modules, only the
// chart types and components the workbench's options use (app/charts:
// bar, line, heatmap, treemap and sankey (segment movement) series; title, tooltip, legend, grid,
// toolbox with its save-as-image button, visualMap, markLine, dataZoom
// for the heatmap's window of cohorts), the label layout that hides
// overlapping labels, and the canvas renderer. `make static` bundles it with esbuild into
// dist/web/echarts.min.js, which sets window.echarts as the full build does.
import * as echarts from "echarts/core";
import { BarChart, HeatmapChart, LineChart, SankeyChart, TreemapChart } from "echarts/charts";
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import { LabelLayout } from "echarts/features";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  DataZoomComponent,
  LabelLayout,
  BarChart,
  HeatmapChart,
  LineChart,
  SankeyChart,
  TreemapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export * from "echarts/core";

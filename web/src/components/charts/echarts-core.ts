// Only what our charts use, so ECharts adds tens of kilobytes rather than a megabyte. Loaded on demand
// (ChartView is lazy), never in the main bundle.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };

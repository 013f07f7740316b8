/**
 * Chart.js, tree-shaken: only the two chart types the staff screens draw (trend lines, bars per
 * facility or group) and what they need. Loaded on first chart, inside the staff chunk.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };

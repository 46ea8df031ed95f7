// Where the phone is, and which of the grid worker's own grids that is: what the report and patrol forms share.
// Positions are WGS-84, as phones' GPS gives them in the browser.
import {reactive} from 'vue';
import {call} from '../api/http.js';

/**
 * @param ownGrids a ref of the worker's grids ({code, name}); a position in another grid is named, not chosen
 * @param onOwnGrid called with the code of the worker's own grid the position lies in
 */
export function useGridPosition(ownGrids, onOwnGrid) {
  const position = reactive({state: 'idle', latitude: null, longitude: null, accuracy: null, message: ''});

  function locate() {
    if (!navigator.geolocation) {
      Object.assign(position, {state: 'failed', message: '此浏览器无法定位，请手动选择网格'});
      return;
    }
    position.state = 'locating';
    position.message = '';
    navigator.geolocation.getCurrentPosition(async here => {
      Object.assign(position, {state: 'located', latitude: here.coords.latitude, longitude: here.coords.longitude,
        accuracy: Math.round(here.coords.accuracy)});
      try {
        const grid = await call('intake', '/api/v1/areas/locate',
          {query: {latitude: position.latitude, longitude: position.longitude, coordinateSystem: 'WGS84'}});
        if (ownGrids.value.some(g => g.code === grid.code)) {
          onOwnGrid(grid.code);
        } else {
          position.message = `当前位置在${grid.name}，不是您负责的网格`;
        }
      } catch (e) {
        position.message = e.message;
      }
    }, failure => {
      Object.assign(position, {state: 'failed',
        message: failure.code === 1 ? '未允许定位，请手动选择网格' : '暂时无法定位，请手动选择网格'});
    }, {enableHighAccuracy: true, timeout: 15000});
  }

  return {position, locate};
}

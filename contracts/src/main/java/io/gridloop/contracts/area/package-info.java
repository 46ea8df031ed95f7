/**
 * Areas as the wire names them: the five levels (AreaLevel, 网格 … 市) and area codes with their arithmetic (AreaCode:
 * level, parent, the area at a level, the city).
 *
 * <p>May use: the JDK only.
 */
package io.gridloop.contracts.area;

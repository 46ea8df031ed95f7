/**
 * Areas as the wire names them: the five levels (AreaLevel, 网格 … 市), area codes with their arithmetic (AreaCode:
 * level, parent, the area at a level, the city) and the path of areas a case lies in (AreaPath).
 *
 * <p>May use: the JDK only.
 */
package io.gridloop.contracts.area;

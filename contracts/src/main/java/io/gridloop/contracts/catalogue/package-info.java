/**
 * The sub-category catalogue (事项小类): each sub-category's category, complexity (for the 1-3-5 deadlines) and first
 * handling level, read from contracts/catalogue/sub-categories.json.
 *
 * <p>May use: the area and event vocabulary of the contracts.
 */
package io.gridloop.contracts.catalogue;

/**
 * The library's entry object {@link dev.basin.BasinEngine} and its {@link dev.basin.EngineConfig}: one store, one
 * catalog of every feature's tables, every feature service. Sits on top of the feature packages (imports them all);
 * no feature package imports it.
 */
package dev.basin;

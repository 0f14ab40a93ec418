/** How many people live in a building: the one rule shared by the planning indicators and the simulations. */
package vn.citytwin.planning.residents;

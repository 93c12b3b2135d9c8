package org.vaultsync.vault;

/**
 * A force's derived totals (never stored): battle value and tonnage of its units, how many pilots and units are
 * assigned, slots with neither, and the average skills of its pilots (NaN when it has none).
 */
public record ForceTotals(int battleValue, double tonnage, int assignedPilots, int assignedUnits, int emptySlots,
                          double averageGunnery, double averagePiloting) {
}

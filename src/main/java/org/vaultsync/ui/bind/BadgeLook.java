package org.vaultsync.ui.bind;

/** What a badge shows, for {@link BadgeBinder}: its classes, tooltip, symbol, word and the sentence read aloud. */
public interface BadgeLook {
    String getCssClass();

    String getTooltip();

    String getSymbol();

    String getLabel();

    String getSpoken();
}

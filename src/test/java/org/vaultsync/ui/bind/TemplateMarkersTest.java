package org.vaultsync.ui.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The {@code data-bind} markers of the app's templates sit where {@link BlockBinder} can bind them and where its
 * {@code if:} cannot upset Flavour: a marker is bound only by a {@code ui:bind} block of the same fragment (no
 * {@code std:}/{@code html:} component in between), and an element that {@code if:} takes out of the page must be
 * one Flavour never uses as a reference (not a block itself, not right after a component among its siblings).
 * A template that breaks these renders wrongly only in the browser, so they are checked here, on the JVM.
 */
class TemplateMarkersTest {
    static Stream<Path> templates() throws IOException {
        return Files.list(Path.of("src/main/resources/templates")).filter(path -> path.toString().endsWith(".html"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyMarkerBelongsToABlockOfItsOwnFragment(Path template) throws Exception {
        for (Element element : marked(template)) {
            assertNotNull(owningBlock(element), template.getFileName() + ": nothing binds <" + element.getTagName()
                    + " data-bind=\"" + element.getAttribute("data-bind") + "\">");
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyIfSitsWhereFlavourNeverMovesItsElement(Path template) throws Exception {
        for (Element element : marked(template)) {
            String spec = element.getAttribute("data-bind");
            if (!(" " + spec).contains(" if:")) {
                continue;
            }
            String where = template.getFileName() + ": <" + element.getTagName() + " data-bind=\"" + spec + "\">";
            assertEquals(0, spec.indexOf("if:"), where + ": if: must come first");
            assertFalse(element.hasAttribute("ui:bind"), where + ": if: on the block's own element");
            Node before = element.getPreviousSibling();
            while (before != null && before.getNodeType() != Node.ELEMENT_NODE) {
                before = before.getPreviousSibling();
            }
            assertFalse(before != null && isComponent(before), where + ": right after <"
                    + (before == null ? "" : before.getNodeName()) + ">");
        }
    }

    private static List<Element> marked(Path template) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        NodeList all = factory.newDocumentBuilder().parse(template.toFile()).getElementsByTagName("*");
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("data-bind")) {
                found.add(element);
            }
        }
        return found;
    }

    /** The element itself or its nearest ancestor with ui:bind, if no component lies on the way. */
    private static Element owningBlock(Element element) {
        Node node = element;
        while (node instanceof Element current) {
            if (current.hasAttribute("ui:bind")) {
                return current;
            }
            if (isComponent(current)) {
                return null;
            }
            node = current.getParentNode();
        }
        return null;
    }

    private static boolean isComponent(Node node) {
        return node.getNodeName().contains(":");
    }
}

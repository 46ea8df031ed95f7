package io.gridloop.localstack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images cannot be built here (their base image lives on Docker Hub), so this checks the Jib configuration every
 * service's image is built with: the base image, a non-root user, JVM flags sized for a container's memory, and
 * labels naming the version and the git commit — and that the commit is really found by the build.
 */
class ImageConfigurationTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static Element jib;
    private static Element root;

    @BeforeAll
    static void load() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom = factory.newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        root = pom.getDocumentElement();
        jib = plugin(child(child(root, "build"), "pluginManagement"), "jib-maven-plugin");
    }

    @Test
    void shouldBuildEachServiceOnAJreAsANonRootUser() {
        assertThat(text(child(child(jib, "configuration"), "from"), "image")).isEqualTo("${jib.base.image}");
        assertThat(text(child(root, "properties"), "jib.base.image")).startsWith("eclipse-temurin:").endsWith("-jre");
        String user = text(child(child(jib, "configuration"), "container"), "user");
        assertThat(user).matches("\\d+:\\d+");
        assertThat(user.split(":")[0]).as("not root").isNotEqualTo("0");
        assertThat(text(child(child(jib, "configuration"), "to"), "image"))
                .isEqualTo("gridloop/${project.artifactId}:${project.version}");
    }

    @Test
    void shouldSizeTheHeapFromTheContainersMemoryAndStopOnOutOfMemory() {
        List<String> flags = texts(child(child(child(jib, "configuration"), "container"), "jvmFlags"));
        assertThat(flags).anySatisfy(f -> assertThat(f).startsWith("-XX:MaxRAMPercentage="))
                .contains("-XX:+ExitOnOutOfMemoryError")
                .noneSatisfy(f -> assertThat(f).startsWith("-Xmx"));
    }

    @Test
    void shouldLabelEachImageWithItsVersionAndTheCommitItWasBuiltFrom() {
        Element labels = child(child(child(jib, "configuration"), "container"), "labels");
        assertThat(text(labels, "org.opencontainers.image.version")).isEqualTo("${project.version}");
        assertThat(text(labels, "org.opencontainers.image.revision")).isEqualTo("${git.commit.id}");
        assertThat(plugin(child(root, "build"), "git-commit-id-maven-plugin")).as("the build finds the commit")
                .isNotNull();
        // This build ran that plugin: the commit is known to this very test run, if it runs from a checkout.
        String commit = System.getProperty("gridloop.git.commit", "");
        if (ROOT.resolve(".git").toFile().exists()) {
            assertThat(commit).matches("[0-9a-f]{40}");
        }
    }

    private static Element plugin(Element parent, String artifactId) {
        for (Element plugin : children(child(parent, "plugins"), "plugin")) {
            if (artifactId.equals(text(plugin, "artifactId"))) {
                return plugin;
            }
        }
        return null;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getTagName()).isNotEmpty();
        return found.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }

    private static List<String> texts(Element parent) {
        List<String> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element) {
                out.add(n.getTextContent().trim());
            }
        }
        return out;
    }
}

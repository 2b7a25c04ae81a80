package io.reactivecql.testing;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the build publishes stays consistent: the BOM lists exactly the published modules (those
 * that do not set {@code reactivecql.skipPublish}) at the project's version, and every jar module
 * has a unique, valid {@code Automatic-Module-Name}.
 */
class DistributionTest {

    private static final String PARENT = "reactivecql-parent";

    /** A module's pom, as far as publishing goes. */
    private record Module(String dir, String artifactId, String packaging, String parent, boolean published,
                          String moduleName) {
    }

    private static Path root() {
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("bom"))) {
                return d;
            }
        }
        throw new AssertionError("the project root (with bom/) not found above " + System.getProperty("user.dir"));
    }

    private static Element parse(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(pom.toFile());
        return d.getDocumentElement();
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String text(Element e, String name) {
        Element c = child(e, name);
        return c == null ? null : c.getTextContent().trim();
    }

    private static List<Element> children(Element e, String name) {
        List<Element> all = new ArrayList<>();
        NodeList list = e.getElementsByTagName(name);
        for (int i = 0; i < list.getLength(); i++) {
            all.add((Element) list.item(i));
        }
        return all;
    }

    private static List<Module> modules(Path root) throws Exception {
        List<Module> modules = new ArrayList<>();
        for (Element m : children(child(parse(root.resolve("pom.xml")), "modules"), "module")) {
            String dir = m.getTextContent().trim();
            Element pom = parse(root.resolve(dir).resolve("pom.xml"));
            Element parent = child(pom, "parent");
            Element properties = child(pom, "properties");
            String packaging = text(pom, "packaging") == null ? "jar" : text(pom, "packaging");
            boolean skip = properties != null && "true".equals(text(properties, "reactivecql.skipPublish"));
            boolean deploySkip = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
            modules.add(new Module(dir, text(pom, "artifactId"), packaging,
                    parent == null ? null : text(parent, "artifactId"),
                    packaging.equals("jar") && !skip && !deploySkip,
                    properties == null ? null : text(properties, "reactivecql.module.name")));
        }
        return modules;
    }

    @Test
    void theBomListsExactlyThePublishedModulesAtTheProjectVersion() throws Exception {
        Path root = root();
        Element rootPom = parse(root.resolve("pom.xml"));
        Element bom = parse(root.resolve("bom/pom.xml"));
        assertEquals("reactivecql-bom", text(bom, "artifactId"));
        assertEquals("pom", text(bom, "packaging"));
        assertNull(child(bom, "parent"), "importing a BOM imports its parent's dependencyManagement too");
        assertEquals(text(rootPom, "version"), text(bom, "version"), "the BOM's version follows the project's");

        Set<String> listed = new TreeSet<>();
        for (Element d : children(child(bom, "dependencyManagement"), "dependency")) {
            assertEquals("io.reactivecql", text(d, "groupId"));
            assertEquals("${project.version}", text(d, "version"), text(d, "artifactId"));
            listed.add(text(d, "artifactId"));
        }
        Set<String> published = new TreeSet<>();
        for (Module m : modules(root)) {
            if (m.published()) {
                assertEquals(PARENT, m.parent(), m.dir() + ": a published module inherits the parent's build");
                published.add(m.artifactId());
            }
        }
        assertEquals(Set.of("driver-protocol", "driver-reactive", "driver-schema", "driver-orm-reactive"), published,
                "the published modules (set reactivecql.skipPublish in a module that is not)");
        assertEquals(published, listed, "bom/pom.xml lists every published module and nothing else");
    }

    @Test
    void everyJarHasAUniqueValidAutomaticModuleName() throws Exception {
        Path root = root();
        String rootPom = Files.readString(root.resolve("pom.xml"));
        assertTrue(rootPom.contains("<Automatic-Module-Name>${reactivecql.module.name}</Automatic-Module-Name>"),
                "the jar plugin writes the module name into each manifest");
        Map<String, String> names = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (Module m : modules(root)) {
            if (m.packaging().equals("jar") && PARENT.equals(m.parent())) {
                assertNotNull(m.moduleName(), m.dir() + " sets no reactivecql.module.name");
                assertTrue(m.moduleName().matches("io\\.reactivecql(\\.[a-z][a-z0-9]*)+"), m.moduleName());
                assertTrue(seen.add(m.moduleName()), "duplicate module name " + m.moduleName());
                names.put(m.artifactId(), m.moduleName());
            }
        }
        assertEquals("io.reactivecql.protocol", names.get("driver-protocol"));
        assertEquals("io.reactivecql.driver", names.get("driver-reactive"));
        assertEquals("io.reactivecql.schema", names.get("driver-schema"));
        assertEquals("io.reactivecql.mapper", names.get("driver-orm-reactive"));
    }
}

package dev.gilfree.gateway.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Reads every {@code @Facade} class and its {@code @Entry} methods, refuses declarations that cannot be
 * right (a message per mistake, the build fails), and writes the public facade classes and the entry table
 * {@code dev.gilfree.gateway.Entries}. It knows the annotations by name only, so it needs nothing of the
 * engine it compiles.
 */
@SupportedAnnotationTypes({GatewayProcessor.FACADE, GatewayProcessor.ENTRY})
public final class GatewayProcessor extends AbstractProcessor {
    static final String FACADE = "dev.gilfree.gateway.Facade";
    static final String ENTRY = "dev.gilfree.gateway.Entry";

    private final List<EntryModel> all = new ArrayList<>();
    private boolean tableWritten;

    @Override
    public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement facadeType = processingEnv.getElementUtils().getTypeElement(FACADE);
        TypeElement entryType = processingEnv.getElementUtils().getTypeElement(ENTRY);
        if (facadeType == null || entryType == null) return false;
        List<EntryModel> found = new ArrayList<>();
        for (Element e : round.getElementsAnnotatedWith(facadeType)) {
            List<EntryModel> entries = readFacade((TypeElement) e);
            if (entries != null) {
                write(packageOf(e) + "." + entries.getFirst().facade(), FacadeWriter.source(packageOf(e), entries), e);
                found.addAll(entries);
            }
        }
        for (Element e : round.getElementsAnnotatedWith(entryType)) {
            if (mirror(e.getEnclosingElement(), FACADE) == null) error(e, "@Entry method outside a @Facade class");
        }
        all.addAll(found);
        if (!found.isEmpty() && !tableWritten) {
            tableWritten = true;
            write("dev.gilfree.gateway.Entries", EntriesWriter.source(all), null);
        } else if (!found.isEmpty()) {
            error(null, "@Facade classes found after the entry table was written");
        }
        return true;
    }

    // The entries of one facade class, or null (and messages) when a declaration is wrong.
    private List<EntryModel> readFacade(TypeElement type) {
        String facade = (String) values(mirror(type, FACADE)).get("value");
        List<EntryModel> out = new ArrayList<>();
        boolean ok = true;
        for (Element m : type.getEnclosedElements()) {
            if (m.getKind() != ElementKind.METHOD) continue;
            ExecutableElement method = (ExecutableElement) m;
            AnnotationMirror entry = mirror(method, ENTRY);
            Set<Modifier> mods = method.getModifiers();
            if (entry == null) {
                if (mods.contains(Modifier.STATIC) && !mods.contains(Modifier.PRIVATE)) {
                    error(method, "non-private static method " + method.getSimpleName() + " of facade class "
                            + type.getSimpleName() + " has no @Entry: declare it or make it private");
                    ok = false;
                }
                continue;
            }
            if (!mods.contains(Modifier.STATIC) || mods.contains(Modifier.PRIVATE)) {
                error(method, "@Entry method " + method.getSimpleName() + " must be static and not private");
                ok = false;
                continue;
            }
            EntryModel model = read(facade, type, method, values(entry));
            if (model == null) ok = false; else out.add(model);
        }
        if (out.isEmpty() && ok) {
            error(type, "facade class " + type.getSimpleName() + " declares no @Entry method");
            ok = false;
        }
        return ok ? out : null;
    }

    private EntryModel read(String facade, TypeElement type, ExecutableElement method, Map<String, Object> v) {
        List<EntryModel.Param> params = new ArrayList<>();
        for (VariableElement p : method.getParameters()) {
            String t = p.asType().toString();
            params.add(new EntryModel.Param(p.getSimpleName().toString(), t, shortType(p.asType())));
        }
        List<String> thrown = new ArrayList<>();
        for (TypeMirror t : method.getThrownTypes()) thrown.add(t.toString());
        String doc = processingEnv.getElementUtils().getDocComment(method);
        EntryModel m = new EntryModel(facade, type.getSimpleName().toString(), method.getSimpleName().toString(),
                method.getReturnType().toString(), params, thrown, strings(v.get("reads")), strings(v.get("writes")),
                (String) v.get("fp"), (Boolean) v.get("resizes"), (String) v.get("sample"), (String) v.get("dtype"), (Boolean) v.get("numpy"),
                (String) v.get("op"), doc == null ? "" : doc);
        boolean ok = true;
        for (List<String> role : List.of(m.reads(), m.writes())) {
            for (String name : role) {
                EntryModel.Param p = m.param(name);
                if (p == null) {
                    error(method, "entry " + m.method() + " declares '" + name + "', which is not one of its parameters");
                    ok = false;
                } else if (!p.isArray() && !p.isArrays()) {
                    error(method, "entry " + m.method() + " declares '" + name + "' of type " + p.shortType()
                            + ": reads and writes name NDArray or NDArray[] parameters");
                    ok = false;
                }
            }
        }
        if (!m.fp().isEmpty() && (m.param(m.fp()) == null || !m.param(m.fp()).type().equals("int"))) {
            error(method, "entry " + m.method() + ": fp = \"" + m.fp() + "\" must name an int parameter");
            ok = false;
        }
        if (m.resizes() && (m.writes().size() != 1 || m.param(m.writes().getFirst()) == null
                || !m.param(m.writes().getFirst()).isArray())) {
            error(method, "entry " + m.method() + " resizes, so it must write exactly one NDArray parameter");
            ok = false;
        }
        if (m.guarded() && m.sample().isEmpty()) {
            error(method, "entry " + m.method() + " reads or writes arrays but has no sample (Python code that reaches it)");
            ok = false;
        }
        return ok ? m : null;
    }

    // Short type names for the entry table: "NDArray", "NDArray[]", "long[]", "String", "Ufunc".
    private static String shortType(TypeMirror t) {
        if (t.getKind() == TypeKind.ARRAY) return shortType(((javax.lang.model.type.ArrayType) t).getComponentType()) + "[]";
        String s = t.toString();
        return s.substring(s.lastIndexOf('.') + 1);
    }

    private static AnnotationMirror mirror(Element e, String name) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(name)) return m;
        }
        return null;
    }

    private Map<String, Object> values(AnnotationMirror m) {
        Map<String, Object> out = new HashMap<>();
        processingEnv.getElementUtils().getElementValuesWithDefaults(m)
                .forEach((k, v) -> out.put(k.getSimpleName().toString(), v.getValue()));
        return out;
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) list) out.add((String) ((AnnotationValue) o).getValue());
        return out;
    }

    private static String packageOf(Element e) {
        while (!(e instanceof PackageElement)) e = e.getEnclosingElement();
        return ((PackageElement) e).getQualifiedName().toString();
    }

    private void write(String name, String source, Element origin) {
        try (Writer w = processingEnv.getFiler().createSourceFile(name, origin == null ? new Element[0] : new Element[] {origin}).openWriter()) {
            w.write(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void error(Element e, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, e);
    }
}

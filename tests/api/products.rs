use serde_json::json;

use crate::helpers::{code, field, spawn_app, world};

const CREATE: &str = "mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id platformItemId title isHero unitCost designerId } } }";

#[tokio::test]
async fn a_manager_lists_a_product_with_exact_cost() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let data = app
        .ok(
            &w.manager_a,
            CREATE,
            json!({ "i": { "teamId": w.team_a, "platformItemId": "610001", "title": "夏季连衣裙",
                           "isHero": true, "designerId": w.designer_a_id, "unitCost": "45.10" } }),
        )
        .await;
    let mut created = data["createProduct"]["product"].clone();
    created.as_object_mut().unwrap().remove("id");
    assert_eq!(
        created,
        json!({ "platformItemId": "610001", "title": "夏季连衣裙", "isHero": true,
                "unitCost": "45.10", "designerId": w.designer_a_id })
    );
    // Decimals survive a round trip through the database unchanged (no float on the way).
    let id = data["createProduct"]["product"]["id"].as_str().unwrap();
    let data = app
        .ok(
            &w.manager_a,
            "mutation($id: ID!) { updateProduct(input: { id: $id, unitCost: 0.1 }) { product { unitCost } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(data["updateProduct"]["product"]["unitCost"], "0.10");
}

#[tokio::test]
async fn product_input_is_checked() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let make = |item: &str, designer: &str, cost: &str| {
        json!({ "i": { "teamId": w.team_a, "platformItemId": item, "title": "T",
                       "designerId": designer, "unitCost": cost } })
    };
    let resp = app
        .gql(
            Some(&w.manager_a),
            CREATE,
            make("1", &w.designer_a_id, "1.005"),
        )
        .await;
    assert_eq!(field(&resp), "unitCost");
    let resp = app
        .gql(
            Some(&w.manager_a),
            CREATE,
            make("1", &w.designer_a_id, "-3"),
        )
        .await;
    assert_eq!(field(&resp), "unitCost");
    // A designer from another shop, or someone who is not a designer, cannot own the item.
    let resp = app
        .gql(Some(&w.manager_a), CREATE, make("1", &w.designer_b_id, "3"))
        .await;
    assert_eq!(field(&resp), "designerId");
    let resp = app
        .gql(Some(&w.manager_a), CREATE, make("1", &w.cs_a_id, "3"))
        .await;
    assert_eq!(field(&resp), "designerId");
    app.ok(&w.manager_a, CREATE, make("1", &w.designer_a_id, "3"))
        .await;
    let resp = app
        .gql(Some(&w.manager_a), CREATE, make("1", &w.designer_a_id, "3"))
        .await;
    assert_eq!(code(&resp), "CONFLICT");
    let resp = app
        .gql(Some(&w.manager_b), CREATE, make("2", &w.designer_a_id, "3"))
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let resp = app
        .gql(Some(&w.cs_a), CREATE, make("2", &w.designer_a_id, "3"))
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let data = app
        .ok(&w.admin, "{ products { totalCount } }", json!({}))
        .await;
    assert_eq!(data["products"]["totalCount"], 1);
}

#[tokio::test]
async fn staff_see_their_teams_products_but_not_colleagues_profiles() {
    let app = spawn_app().await;
    let w = world(&app).await;
    for (item, hero) in [("1", true), ("2", false), ("3", true)] {
        app.ok(
            &w.manager_a,
            CREATE,
            json!({ "i": { "teamId": w.team_a, "platformItemId": item, "title": item,
                           "isHero": hero, "designerId": w.designer_a_id } }),
        )
        .await;
    }
    app.ok(
        &w.manager_b,
        CREATE,
        json!({ "i": { "teamId": w.team_b, "platformItemId": "1", "title": "b" } }),
    )
    .await;
    let list = "query($f: ProductFilter) { products(filter: $f) { totalCount edges { node { platformItemId designerId designer { email } } } } }";
    let data = app
        .ok(&w.cs_a, list, json!({ "f": { "isHero": true } }))
        .await;
    assert_eq!(data["products"]["totalCount"], 2);
    let node = &data["products"]["edges"][0]["node"];
    assert_eq!(node["platformItemId"], "1");
    assert_eq!(node["designerId"], w.designer_a_id.as_str());
    assert_eq!(node["designer"], json!(null));
    let designer = app.login("art.a@shop.test", crate::helpers::PASSWORD).await;
    let data = app.ok(&designer, list, json!({ "f": {} })).await;
    assert_eq!(data["products"]["totalCount"], 3);
    assert_eq!(
        data["products"]["edges"][0]["node"]["designer"]["email"],
        "art.a@shop.test"
    );
    let data = app
        .ok(
            &w.manager_a,
            list,
            json!({ "f": { "designerId": w.designer_a_id } }),
        )
        .await;
    assert_eq!(data["products"]["totalCount"], 3);
    let resp = app
        .gql(Some(&w.cs_a), list, json!({ "f": { "teamId": w.team_b } }))
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
}

#[tokio::test]
async fn updating_a_product_can_clear_its_designer() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let data = app
        .ok(
            &w.manager_a,
            CREATE,
            json!({ "i": { "teamId": w.team_a, "platformItemId": "9", "title": "t", "designerId": w.designer_a_id } }),
        )
        .await;
    let id = data["createProduct"]["product"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let update = "mutation($i: UpdateProductInput!) { updateProduct(input: $i) { product { title designerId isHero active } } }";
    // Leaving designerId out keeps it; null clears it.
    let data = app
        .ok(
            &w.manager_a,
            update,
            json!({ "i": { "id": id, "title": "新标题" } }),
        )
        .await;
    assert_eq!(
        data["updateProduct"]["product"]["designerId"],
        w.designer_a_id.as_str()
    );
    let data = app
        .ok(
            &w.manager_a,
            update,
            json!({ "i": { "id": id, "designerId": null, "isHero": true } }),
        )
        .await;
    assert_eq!(
        data["updateProduct"]["product"],
        json!({ "title": "新标题", "designerId": null, "isHero": true, "active": true })
    );
    let resp = app
        .gql(
            Some(&w.manager_b),
            update,
            json!({ "i": { "id": id, "title": "x" } }),
        )
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let data = app
        .ok(
            &w.manager_a,
            "mutation($id: ID!) { deactivateProduct(input: { id: $id }) { product { active } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(data["deactivateProduct"]["product"]["active"], false);
}
